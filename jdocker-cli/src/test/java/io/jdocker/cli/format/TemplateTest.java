package io.jdocker.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdocker.cli.json.JsonReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateTest {
  private static final Object DATA = JsonReader.parse("""
      {"Id":"sha256:abc","RepoTags":["busybox:latest","busybox:v2"],"Size":1985472,"Empty":"",
       "Config":{"Env":["PATH=/bin","A=b"],"Labels":{"k":"v","a":"<b>"},"Cmd":null},"Flag":true,"Ratio":0.5,
       "Mounts":[{"Source":"/a","Destination":"/b"}]}""");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("{{.Id}}", "sha256:abc"),
        Arguments.of("id={{.Id}} size={{.Size}}", "id=sha256:abc size=1985472"),
        Arguments.of("{{.Config.Env}}", "[PATH=/bin A=b]"),
        Arguments.of("{{.Config.Labels}}", "map[a:<b> k:v]"),
        Arguments.of("{{.Config.Cmd}}", "<nil>"),
        Arguments.of("{{json .RepoTags}}", "[\"busybox:latest\",\"busybox:v2\"]"),
        Arguments.of("{{json .Config.Labels}}", "{\"k\":\"v\",\"a\":\"<b>\"}"),
        Arguments.of("{{json .Config.Cmd}}", "null"),
        Arguments.of("{{index .Config.Labels \"k\"}}", "v"),
        Arguments.of("{{index .RepoTags 1}}", "busybox:v2"),
        Arguments.of("{{range .RepoTags}}[{{.}}]{{end}}", "[busybox:latest][busybox:v2]"),
        Arguments.of("{{range $i, $t := .RepoTags}}{{$i}}={{$t}} {{end}}", "0=busybox:latest 1=busybox:v2 "),
        Arguments.of("{{range $k, $v := .Config.Labels}}{{$k}}:{{$v}};{{end}}", "a:<b>;k:v;"),
        Arguments.of("{{range .Mounts}}{{.Source}}->{{.Destination}}{{end}}", "/a->/b"),
        Arguments.of("{{range .Config.Cmd}}x{{else}}none{{end}}", "none"),
        Arguments.of("{{if .Flag}}yes{{else}}no{{end}}", "yes"),
        Arguments.of("{{if .Empty}}yes{{else if .Flag}}flag{{else}}no{{end}}", "flag"),
        Arguments.of("{{if not .Empty}}empty{{end}}", "empty"),
        Arguments.of("{{if eq .Size 1985472}}big{{end}}", "big"),
        Arguments.of("{{if and .Flag .Id}}both{{end}}", "both"),
        Arguments.of("{{with .Config}}{{.Env}}{{end}}", "[PATH=/bin A=b]"),
        Arguments.of("{{join .Config.Env \",\"}}", "PATH=/bin,A=b"),
        Arguments.of("{{upper .Id}} {{lower \"ABC\"}}", "SHA256:ABC abc"),
        Arguments.of("{{.Id | upper}}", "SHA256:ABC"),
        Arguments.of("{{println .Id}}", "sha256:abc\n"),
        Arguments.of("{{printf \"%s-%d\" .Id .Size}}", "sha256:abc-1985472"),
        Arguments.of("{{printf \"%-6s|\" \"ab\"}}", "ab    |"),
        Arguments.of("{{printf \"%v %q\" .Flag .Id}}", "true \"sha256:abc\""),
        Arguments.of("{{len .RepoTags}}", "2"),
        Arguments.of("{{.Ratio}}", "0.5"),
        Arguments.of("{{split .Id \":\"}}", "[sha256 abc]"),
        Arguments.of("{{truncate .Id 3}}", "sha"),
        Arguments.of("{{title \"hello world\"}}", "Hello World"),
        Arguments.of("{{pad .Empty 1 2}}|", "   |"),
        Arguments.of("a {{- \" b \" -}} c", "a b c"),
        Arguments.of("{{/* comment */}}x", "x"),
        Arguments.of("{{.Missing}}", "<no value>"),
        Arguments.of("{{(index .Mounts 0).Source}}", "/a"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void executes(String template, String expected) {
    assertEquals(expected, Template.parse(template).execute(DATA));
  }

  static Stream<Arguments> errors() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("ID", "abc");
    TypedValue image = new TypedValue("*formatter.imageContext", fields);
    return Stream.of(
        Arguments.of("{{.Nope}}", image, false,
            "template: :1:2: executing \"\" at <.Nope>: can't evaluate field Nope in type *formatter.imageContext"),
        Arguments.of("x {{.ID}} {{.Nope}}", image, false,
            "template: :1:12: executing \"\" at <.Nope>: can't evaluate field Nope in type *formatter.imageContext"),
        Arguments.of("{{.Nope}}", DATA, true, "template: :1:2: executing \"\" at <.Nope>: map has no entry for key \"Nope\""),
        Arguments.of("{{.Config.Nope}}", DATA, true,
            "template: :1:9: executing \"\" at <.Config.Nope>: map has no entry for key \"Nope\""),
        Arguments.of("{{.Id.X}}", DATA, false, "template: :1:5: executing \"\" at <.Id.X>: can't evaluate field X in type string"),
        Arguments.of("{{.Repository", image, false, "template: :1: unclosed action"),
        Arguments.of("{{nope .ID}}", image, false, "template: :1: function \"nope\" not defined"),
        Arguments.of("{{if .ID}}x", image, false, "template: :1: unexpected EOF"),
        Arguments.of("{{end}}", image, false, "template: :1: unexpected {{end}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void failsLikeGo(String template, Object data, boolean missingKeyError, String message) {
    MissingKey missing = missingKeyError ? MissingKey.ERROR : MissingKey.NO_VALUE;
    TemplateException e = assertThrows(TemplateException.class, () -> Template.parse("", template, missing).execute(data));
    assertEquals(message, e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void missingKeysOfStringMapsAreEmpty() {
    assertEquals("[]", Template.parse("", "[{{.Config.Labels.nope}}]", MissingKey.EMPTY).execute(DATA));
  }

  @org.junit.jupiter.api.Test
  void headerModePassesStringFunctionsThrough() {
    Map<String, Object> header = Map.of("Repository", "REPOSITORY");
    assertEquals("REPOSITORY", Template.parse("{{json .Repository}}").executeHeader(new TypedValue("h", header)));
  }
}
