package io.jdocker.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdocker.cli.training.FakeDaemon;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expected outputs were captured from docker CLI 28.2.2 given the same answer. */
class SearchCommandTest {
  static final String RESULTS = """
      [{"star_count":3000,"is_official":true,"name":"busybox","is_automated":false,"description":"Busybox base image."},
       {"star_count":12,"is_official":false,"name":"someone/busybox-long","is_automated":true,
        "description":"A description that is longer than forty-five characters\\nfor sure"},
       {"star_count":0,"is_official":false,"name":"x/wide","description":"日本語の説明がここにあります。これは長い説明です。とても長いです。"}]""";

  @TempDir
  Path dir;

  CliHarness cli;

  @BeforeEach
  void start() throws Exception {
    cli = new CliHarness(dir);
    cli.env.put("DOCKER_CONFIG", dir.resolve("config").toString());
    cli.json("GET /images/search", 200, RESULTS);
  }

  @AfterEach
  void stop() throws Exception {
    cli.close();
  }

  @Test
  void tableCutsDescriptionsToFortyFiveCells() {
    CliHarness.Result r = cli.run("search", "busybox");
    assertEquals(0, r.status());
    assertEquals("NAME                   DESCRIPTION                                     STARS     OFFICIAL\n"
        + "busybox                Busybox base image.                             3000      [OK]\n"
        + "someone/busybox-long   A description that is longer than forty-five…   12        \n"
        + "x/wide                 日本語の説明がここにあります。これは長い説明…   0         \n", r.out());
    FakeDaemon.Request request = cli.requests().get(1);
    assertEquals("/v1.44/images/search?term=busybox", request.target());
    assertEquals("e30=", request.headers().get("x-registry-auth"));
  }

  @Test
  void jsonSaysTrueWhereTheTableSaysOk() {
    assertEquals("""
        {"Description":"Busybox base image.","IsOfficial":"true","Name":"busybox","StarCount":"3000"}
        {"Description":"A description that is longer than forty-five…","IsOfficial":"false","Name":"someone/busybox-long","StarCount":"12"}
        {"Description":"日本語の説明がここにあります。これは長い説明…","IsOfficial":"false","Name":"x/wide","StarCount":"0"}
        """, cli.run("search", "--format", "json", "busybox").out());
    assertEquals("busybox|[OK]\nsomeone/busybox-long|\nx/wide|\n", cli.run("search", "--format", "{{.Name}}|{{.IsOfficial}}", "busybox").out());
  }

  @Test
  void limitFiltersAndNoTrunc() {
    String out = cli.run("search", "--no-trunc", "--limit", "5", "-f", "stars=3", "-f", "is-official=true", "busybox").out();
    assertEquals("someone/busybox-long   A description that is longer than forty-five characters for sure",
        out.lines().toList().get(2).substring(0, 87));
    assertEquals(List.of("GET /v1.44/images/search?filters=%7B%22is-official%22%3A%7B%22true%22%3Atrue%7D%2C%22stars%22%3A%7B%223%22%3Atrue%7D%7D"
        + "&limit=5&term=busybox"), cli.calls());
  }

  @Test
  void errorsAreDockers() {
    CliHarness.Result limit = cli.run("search", "--limit", "x", "busybox");
    assertEquals(125, limit.status());
    assertEquals("invalid argument \"x\" for \"--limit\" flag: strconv.ParseInt: parsing \"x\": invalid syntax\n\n"
        + "Usage:  jdocker search [OPTIONS] TERM\n\nRun 'jdocker search --help' for more information\n", limit.err());
    CliHarness.Result none = cli.run("search");
    assertEquals(1, none.status());
    assertEquals("jdocker: 'jdocker search' requires 1 argument\n\nUsage:  jdocker search [OPTIONS] TERM\n\n"
        + "Run 'jdocker search --help' for more information\n", none.err());
    CliHarness.Result field = cli.run("search", "--format", "{{.IsAutomated}}", "busybox");
    assertEquals(1, field.status());
    assertEquals("template parsing error: template: :1:2: executing \"\" at <.IsAutomated>: can't evaluate field IsAutomated "
        + "in type *registry.searchContext\n", field.err());
    cli.json("GET /images/search", 500, "{\"message\":\"Get \\\"https://index.docker.io/v1/search?q=busybox&n=25\\\": dial tcp\"}");
    assertEquals("Error response from daemon: Get \"https://index.docker.io/v1/search?q=busybox&n=25\": dial tcp\n",
        cli.run("search", "busybox").err());
  }
}
