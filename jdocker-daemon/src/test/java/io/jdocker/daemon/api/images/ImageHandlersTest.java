package io.jdocker.daemon.api.images;

import io.jdocker.daemon.api.testing.FakeRequest;
import io.jdocker.daemon.api.testing.FakeResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdocker.daemon.api.ApiVersion;
import io.jdocker.daemon.api.Handler;
import io.jdocker.daemon.engine.events.Event;
import io.jdocker.daemon.engine.events.EventBus;
import io.jdocker.daemon.engine.images.ContainerImageUsage;
import io.jdocker.daemon.engine.images.ImageService;
import io.jdocker.daemon.engine.images.TestImages;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.NotFoundException;
import io.jdocker.errdefs.UnavailableException;
import io.jdocker.image.commit.ChildConfig;
import io.jdocker.image.commit.ImageCommitter;
import io.jdocker.image.oci.ContainerConfig;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageHandlersTest {
  @TempDir Path dataRoot;
  @TempDir Path otherRoot;
  private final EventBus bus = new EventBus();
  private final Map<String, Handler> routes = new HashMap<>();
  private ImageService service;

  @BeforeEach
  void setUp() throws Exception {
    service = TestImages.service(dataRoot, bus, ContainerImageUsage.NONE);
    new ImageRoutes(service, new FakeRegistry())
        .register((method, pattern, handler) -> routes.put(method + " " + pattern, handler));
  }

  private FakeResponse call(String route, FakeRequest request) throws Exception {
    FakeResponse response = new FakeResponse();
    routes.get(route).handle(request, response);
    return response;
  }

  private String importBusybox() throws Exception {
    FakeResponse r = call("POST /images/create", new FakeRequest("POST", "/images/create").query("fromSrc", "-")
        .query("repo", "busybox:latest").query("message", "hello").query("changes", "CMD [\"/bin/sh\"]")
        .query("changes", "ENV A=1").body(TestImages.rootfs("x")));
    assertEquals(200, r.status);
    return r.messages.getFirst().get("status").asText();
  }

  @Test
  void importThenListInspectHistory() throws Exception {
    String id = importBusybox();
    assertTrue(id.startsWith("sha256:"), id);

    JsonNode list = call("GET /images/json", new FakeRequest("GET", "/images/json")).json;
    assertEquals(1, list.size());
    JsonNode summary = list.get(0);
    assertEquals(id, summary.get("Id").asText());
    assertEquals("busybox:latest", summary.get("RepoTags").get(0).asText());
    assertEquals(-1, summary.get("Containers").asInt());
    assertEquals(-1, summary.get("SharedSize").asInt());
    assertFalse(summary.has("VirtualSize"));
    JsonNode old = call("GET /images/json", new FakeRequest("GET", "/images/json").version(new ApiVersion(1, 41))).json;
    assertTrue(old.get(0).has("VirtualSize"));

    JsonNode inspect = call("GET /images/{name*}/json", new FakeRequest("GET", "/images/busybox/json")
        .param("name", "busybox")).json;
    assertEquals(id, inspect.get("Id").asText());
    assertEquals("hello", inspect.get("Comment").asText());
    assertEquals("[\"/bin/sh\"]", inspect.get("Config").get("Cmd").toString());
    assertEquals("A=1", inspect.get("Config").get("Env").get(0).asText());
    assertEquals("amd64", inspect.get("Architecture").asText());
    assertEquals("linux", inspect.get("Os").asText());
    assertEquals("layers", inspect.get("RootFS").get("Type").asText());
    assertEquals("overlay2", inspect.get("GraphDriver").get("Name").asText());
    Path upper = Path.of(inspect.get("GraphDriver").get("Data").get("UpperDir").asText());
    assertTrue(Files.isRegularFile(upper.resolve("bin/sh")));
    assertFalse(inspect.get("Metadata").get("LastTagTime").asText().startsWith("0001"));

    JsonNode history = call("GET /images/{name*}/history", new FakeRequest("GET", "/images/busybox/history")
        .param("name", id.substring(7, 19))).json;
    assertEquals(1, history.size());
    assertEquals(id, history.get(0).get("Id").asText());
    assertEquals("hello", history.get(0).get("Comment").asText());
    assertEquals("busybox:latest", history.get(0).get("Tags").get(0).asText());

    List<String> actions = bus.history().stream().map(Event::action).toList();
    assertEquals(List.of("tag", "import"), actions);
    assertEquals("busybox:latest", bus.history().getFirst().attributes().get("name"));
  }

  @Test
  void aCommittedImageIsTaggedAndInspectShowsItsHistoryComment() throws Exception {
    String parent = importBusybox();
    Path upper = Files.createDirectories(otherRoot.resolve("upper"));
    Files.writeString(upper.resolve("hello"), "hi\n");
    ContainerConfig config = new ContainerConfig(null, null, null, null,
        List.of("cat", "/hello"), null, null, null, null, null, null);
    var child = new ChildConfig("c".repeat(64), "Me", "the message", config, config, "linux",
        "28.0.0");
    int before = bus.history().size();
    Digest id = service.commit(new ImageCommitter.Request(Digest.parse(parent), upper, null, child,
        ImageReference.parse("committed:v1")));

    JsonNode inspect = call("GET /images/{name*}/json", new FakeRequest("GET", "/images/committed:v1/json")
        .param("name", "committed:v1")).json;
    assertEquals(id.toString(), inspect.get("Id").asText());
    assertEquals("the message", inspect.get("Comment").asText(), "dockerd falls back to the last history comment");
    assertEquals(parent, inspect.get("Parent").asText());
    assertEquals("Me", inspect.get("Author").asText());
    assertEquals("c".repeat(64), inspect.get("Container").asText());
    assertEquals("28.0.0", inspect.get("DockerVersion").asText());
    assertEquals(2, inspect.get("RootFS").get("Layers").size());
    List<String> actions = bus.history().subList(before, bus.history().size()).stream()
        .map(e -> e.action() + " " + e.attributes().get("name")).toList();
    assertEquals(List.of("tag committed:v1"), actions);

    JsonNode history = call("GET /images/{name*}/history", new FakeRequest("GET", "/images/committed:v1/history")
        .param("name", "committed:v1")).json;
    assertEquals(2, history.size());
    assertEquals(id.toString(), history.get(0).get("Id").asText());
    assertEquals("committed:v1", history.get(0).get("Tags").get(0).asText());
    assertEquals(parent, history.get(1).get("Id").asText(), "dockerd names the parent's row by the parent's ID");
    assertEquals("busybox:latest", history.get(1).get("Tags").get(0).asText());
  }

  @Test
  void tagAndDelete() throws Exception {
    String id = importBusybox();
    FakeResponse tag = call("POST /images/{name*}/tag", new FakeRequest("POST", "/images/busybox/tag")
        .param("name", "busybox").query("repo", "127.0.0.1:5000/x").query("tag", "v1"));
    assertEquals(201, tag.status);
    assertThrows(NotFoundException.class, () -> call("POST /images/{name*}/tag",
        new FakeRequest("POST", "/images/nope/tag").param("name", "nope").query("repo", "y")));
    FakeResponse del = call("DELETE /images/{name*}", new FakeRequest("DELETE", "/images/busybox")
        .param("name", "busybox:latest"));
    assertEquals("[{\"Untagged\":\"busybox:latest\"}]", del.json.toString());
    FakeResponse del2 = call("DELETE /images/{name*}", new FakeRequest("DELETE", "/images/x")
        .param("name", "127.0.0.1:5000/x:v1"));
    assertEquals("127.0.0.1:5000/x:v1", del2.json.get(0).get("Untagged").asText());
    assertEquals(id, del2.json.get(1).get("Deleted").asText());
    NotFoundException e = assertThrows(NotFoundException.class, () -> call("GET /images/{name*}/json",
        new FakeRequest("GET", "/images/busybox/json").param("name", "busybox")));
    assertEquals("No such image: busybox:latest", e.getMessage());
  }

  @Test
  void saveThenLoadIntoAnotherDaemon() throws Exception {
    String id = importBusybox();
    FakeResponse saved = call("GET /images/get", new FakeRequest("GET", "/images/get").query("names", "busybox"));
    assertEquals("application/x-tar", saved.contentType);
    assertTrue(saved.closed);
    assertEquals("save", bus.history().getLast().action());

    ImageService other = TestImages.service(otherRoot, new EventBus(), ContainerImageUsage.NONE);
    Map<String, Handler> otherRoutes = new HashMap<>();
    new ImageRoutes(other, new FakeRegistry()).register((m, p, h) -> otherRoutes.put(m + " " + p, h));
    FakeResponse loaded = new FakeResponse();
    otherRoutes.get("POST /images/load").handle(new FakeRequest("POST", "/images/load").query("quiet", "1")
        .body(saved.streamed.toByteArray()), loaded);
    assertEquals(200, loaded.status);
    assertEquals("{\"stream\":\"Loaded image: busybox:latest\\n\"}", loaded.messages.getFirst().toString());
    assertEquals(id, other.inspect("busybox").id().toString());
  }

  @Test
  void badLoadIs400BeforeAnyResponse() throws Exception {
    FakeResponse r = new FakeResponse();
    assertThrows(InvalidParameterException.class, () -> routes.get("POST /images/load")
        .handle(new FakeRequest("POST", "/images/load").body("garbage".repeat(100).getBytes()), r));
    assertEquals(-1, r.status);
  }

  @Test
  void badChangeIs400() throws Exception {
    InvalidParameterException bad = assertThrows(InvalidParameterException.class, () -> call("POST /images/create",
        new FakeRequest("POST", "/images/create").query("fromSrc", "-").query("changes", "RUN rm -rf /")
            .body(TestImages.rootfs("x"))));
    assertEquals("RUN is not a valid change command", bad.getMessage());
    assertThrows(UnavailableException.class, () -> call("POST /images/create",
        new FakeRequest("POST", "/images/create").query("fromSrc", "http://example.com/rootfs.tar")));
    assertEquals(0, service.store().count());
  }
}
