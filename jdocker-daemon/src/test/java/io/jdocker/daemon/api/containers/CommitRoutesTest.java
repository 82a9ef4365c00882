package io.jdocker.daemon.api.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.daemon.api.Handler;
import io.jdocker.daemon.api.testing.FakeRequest;
import io.jdocker.daemon.api.testing.FakeResponse;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** POST /commit: the query as the docker CLI sends it, the optional config body, 201 {"Id"}. */
class CommitRoutesTest {
  final List<CommitBackend.Request> requests = new ArrayList<>();
  Handler handler;

  CommitRoutesTest() {
    new CommitRoutes(request -> {
      requests.add(request);
      if (request.container().equals("nope")) {
        throw new NotFoundException("No such container: nope");
      }
      return "sha256:" + "a".repeat(64);
    }).register((method, pattern, h) -> {
      assertEquals("POST /commit", method + " " + pattern);
      handler = h;
    });
  }

  FakeResponse call(FakeRequest request) throws Exception {
    FakeResponse response = new FakeResponse();
    handler.handle(request, response);
    return response;
  }

  @Test
  void dockerClisQueryWithEmptyBody() throws Exception {
    // docker commit -m m -a a -c 'ENV X=1' -c 'CMD ["sh"]' ctr name:v1
    FakeResponse r = call(new FakeRequest("POST", "/commit").query("author", "a").query("changes", "ENV X=1")
        .query("changes", "CMD [\"sh\"]").query("comment", "m").query("container", "ctr")
        .query("repo", "docker.io/library/name").query("tag", "v1"));
    assertEquals(201, r.status);
    assertEquals("sha256:" + "a".repeat(64), r.json.get("Id").asText());
    assertEquals(1, r.json.size(), r.json.toString());
    assertEquals(new CommitBackend.Request("ctr", "docker.io/library/name", "v1", "a", "m", true, null,
        List.of("ENV X=1", "CMD [\"sh\"]")), requests.getFirst());
  }

  @Test
  void pauseDefaultsToTrueAndZeroTurnsItOff() throws Exception {
    call(new FakeRequest("POST", "/commit").query("container", "c").query("repo", "").query("tag", ""));
    call(new FakeRequest("POST", "/commit").query("container", "c").query("pause", "0"));
    call(new FakeRequest("POST", "/commit").query("container", "c").query("pause", "true"));
    assertEquals(List.of(true, false, true), requests.stream().map(CommitBackend.Request::pause).toList());
    assertEquals("", requests.getFirst().repo());
    assertEquals(List.of(), requests.getFirst().changes());
  }

  @Test
  void aBodyIsTheConfigToStartFrom() throws Exception {
    call(new FakeRequest("POST", "/commit").query("container", "c")
        .body("{\"Env\":[\"Z=1\"],\"Cmd\":\"echo\",\"Labels\":{\"k\":\"v\"}}".getBytes(StandardCharsets.UTF_8)));
    var config = requests.getFirst().config();
    assertEquals(List.of("Z=1"), config.env());
    assertEquals(List.of("echo"), config.cmd(), "a string Cmd is one word, as Go's StrSlice");
    assertEquals("v", config.labels().get("k"));
  }

  @Test
  void aBlankBodyIsNoConfig() throws Exception {
    call(new FakeRequest("POST", "/commit").query("container", "c").body(" \r\n".getBytes(StandardCharsets.UTF_8)));
    assertNull(requests.getFirst().config());
  }

  @Test
  void aNullOrMalformedBodyIsRefused() {
    var e = assertThrows(InvalidParameterException.class, () -> call(new FakeRequest("POST", "/commit")
        .query("container", "c").body("null".getBytes(StandardCharsets.UTF_8))));
    assertEquals("config cannot be empty in order to create a container", e.getMessage());
    e = assertThrows(InvalidParameterException.class, () -> call(new FakeRequest("POST", "/commit")
        .query("container", "c").body("{\"Env\":".getBytes(StandardCharsets.UTF_8))));
    assertTrue(e.getMessage().startsWith("invalid JSON: "), e.getMessage());
    assertTrue(requests.isEmpty());
  }

  @Test
  void engineErrorsPassThrough() {
    var e = assertThrows(NotFoundException.class, () -> call(new FakeRequest("POST", "/commit").query("container", "nope")));
    assertEquals("No such container: nope", e.getMessage());
  }
}
