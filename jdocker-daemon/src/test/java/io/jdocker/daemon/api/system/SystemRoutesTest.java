package io.jdocker.daemon.api.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdocker.daemon.api.ApiJson;
import io.jdocker.daemon.api.DispatcherHarness;
import io.jdocker.daemon.api.DispatcherHarness.Response;
import io.jdocker.daemon.engine.events.Event;
import io.jdocker.daemon.engine.events.EventBus;
import io.jdocker.errdefs.UnauthorizedException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemRoutesTest {
  @TempDir Path dataRoot;
  private final EventBus events = new EventBus();
  private DispatcherHarness harness;
  /** Logins the fake registry saw: "server user:password". */
  private final List<String> logins = new java.util.ArrayList<>();
  private final AuthBackend auth = (server, credentials) -> {
    logins.add(server + " " + credentials.username() + ":" + credentials.password());
    if (!"secret".equals(credentials.password())) {
      throw new UnauthorizedException("unauthorized: incorrect username or password");
    }
    return server.contains("token") ? "refresh-1" : "";
  };

  private DispatcherHarness harness() {
    if (harness == null) {
      DaemonFacts daemon = new DaemonFacts("1.2.3", "abc123", "2026-01-01T00:00:00.000000000+00:00",
          "engine-id", dataRoot, false, List.of("10.0.0.0/8", "registry.local:5000"),
          List.of("https://mirror.example"), List.of(), () -> 7);
      HostFacts host = new HostFacts("6.1.0", "Debian GNU/Linux 12 (bookworm)", "12", "box", 2, 1 << 30, "1");
      harness = new DispatcherHarness(new SystemRoutes(daemon, host, events, auth));
    }
    return harness;
  }

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
  }

  private static String get(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n";
  }

  @Test
  void pingHeadAndGet() throws Exception {
    Response head = Response.parse(harness().exchange("HEAD /_ping HTTP/1.1\r\nHost: x\r\n\r\n"), true);
    assertEquals(200, head.status());
    assertEquals("0", head.headers().get("content-length"));
    assertEquals("1.44", head.headers().get("api-version"));
    assertEquals("1", head.headers().get("builder-version"));
    assertEquals("inactive", head.headers().get("swarm"));
    assertEquals("no-cache", head.headers().get("pragma"));
    assertEquals("no-cache, no-store, must-revalidate", head.headers().get("cache-control"));
    assertEquals("text/plain; charset=utf-8", head.headers().get("content-type"));
    Response versioned = harness().request(get("/v1.41/_ping"));
    assertEquals("OK", versioned.body());
  }

  @Test
  void versionHasEveryFieldTheCliPrints() throws Exception {
    JsonNode v = ApiJson.mapper().readTree(harness().request(get("/version")).body());
    assertEquals("jdocker", v.at("/Platform/Name").asText());
    assertEquals("Engine", v.at("/Components/0/Name").asText());
    assertEquals("1.44", v.at("/Components/0/Details/ApiVersion").asText());
    assertEquals("1.24", v.at("/Components/0/Details/MinAPIVersion").asText());
    assertEquals("1.2.3", v.get("Version").asText());
    assertEquals("1.44", v.get("ApiVersion").asText());
    assertEquals("1.24", v.get("MinAPIVersion").asText());
    assertEquals("abc123", v.get("GitCommit").asText());
    assertTrue(v.get("GoVersion").asText().startsWith("java"));
    assertEquals("linux", v.get("Os").asText());
    assertEquals("amd64", v.get("Arch").asText());
    assertEquals("6.1.0", v.get("KernelVersion").asText());
    assertEquals("2026-01-01T00:00:00.000000000+00:00", v.get("BuildTime").asText());
  }

  @Test
  void infoReportsRealValuesAndEmptyListsAsArrays() throws Exception {
    JsonNode i = ApiJson.mapper().readTree(harness().request(get("/v1.44/info")).body());
    assertEquals("engine-id", i.get("ID").asText());
    assertEquals(7, i.get("Images").asInt());
    assertEquals(0, i.get("Containers").asInt());
    assertEquals(2, i.get("NCPU").asInt());
    assertEquals(1 << 30, i.get("MemTotal").asLong());
    assertEquals("box", i.get("Name").asText());
    assertEquals(dataRoot.toString(), i.get("DockerRootDir").asText());
    assertEquals("overlay2", i.get("Driver").asText());
    assertEquals("cgroupfs", i.get("CgroupDriver").asText());
    assertEquals("1", i.get("CgroupVersion").asText());
    assertEquals("json-file", i.get("LoggingDriver").asText());
    assertEquals("1.2.3", i.get("ServerVersion").asText());
    assertEquals("inactive", i.at("/Swarm/LocalNodeState").asText());
    assertFalse(i.at("/Swarm/ControlAvailable").asBoolean());
    assertTrue(i.get("Labels").isArray() && i.get("Labels").isEmpty());
    assertTrue(i.get("SecurityOptions").isArray());
    assertTrue(i.get("Warnings").isNull());
    JsonNode registry = i.get("RegistryConfig");
    assertEquals("[\"127.0.0.0/8\",\"10.0.0.0/8\"]", registry.get("InsecureRegistryCIDRs").toString());
    assertFalse(registry.at("/IndexConfigs/registry.local:5000/Secure").asBoolean());
    assertTrue(registry.at("/IndexConfigs/docker.io/Official").asBoolean());
    assertEquals("https://mirror.example/", registry.at("/Mirrors/0").asText());
  }

  @Test
  void pluginInspectIsNotFound() throws Exception {
    Response r = harness().request(get("/v1.44/plugins/x/json"));
    assertEquals(404, r.status());
    assertEquals("{\"message\":\"plugin \\\"x\\\" not found\"}\n", r.body());
    assertEquals("{\"message\":\"plugin \\\"a/b:latest\\\" not found\"}\n",
        harness().request(get("/plugins/a/b:latest/json")).body());
  }

  @Test
  void eventsUntilInThePastReplaysFilteredHistoryAndEnds() throws Exception {
    events.publish(new Event("image", "pull", "busybox:latest", Map.of("name", "busybox"), 1_000_000_000_500L));
    events.publish(new Event("container", "create", "c1", Map.of("image", "busybox", "name", "web"), 1_000_000_001_000L));
    events.publish(new Event("image", "tag", "sha256:1", Map.of("name", "x:1"), 1_000_000_002_000L));
    Response r = harness().request(get(
        "/events?since=1000&until=1000.000001500&filters=%7B%22type%22%3A%7B%22container%22%3Atrue%7D%7D"));
    assertEquals(200, r.status());
    assertEquals("{\"status\":\"create\",\"id\":\"c1\",\"from\":\"busybox\",\"Type\":\"container\","
        + "\"Action\":\"create\",\"Actor\":{\"ID\":\"c1\",\"Attributes\":{\"image\":\"busybox\",\"name\":\"web\"}},"
        + "\"scope\":\"local\",\"time\":1000,\"timeNano\":1000000001000}\n", r.body());
  }

  private static String post(String path, String json) {
    return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
        + json.length() + "\r\n\r\n" + json;
  }

  @Test
  void loginSucceedsWithDockersBodyAndTokenFieldFirst() throws Exception {
    Response ok = harness().request(post("/v1.44/auth",
        "{\"username\":\"u\",\"password\":\"secret\",\"serveraddress\":\"127.0.0.1:5000\"}"));
    assertEquals(200, ok.status());
    assertEquals("{\"IdentityToken\":\"\",\"Status\":\"Login Succeeded\"}\n", ok.body());
    Response token = harness().request(post("/auth",
        "{\"Username\":\"u\",\"Password\":\"secret\",\"ServerAddress\":\"token.example\"}"));
    assertEquals("{\"IdentityToken\":\"refresh-1\",\"Status\":\"Login Succeeded\"}\n", token.body());
    assertEquals(List.of("127.0.0.1:5000 u:secret", "token.example u:secret"), logins);
  }

  @Test
  void refusedLoginIs401WithTheRegistrysWords() throws Exception {
    Response refused = harness().request(post("/auth", "{\"username\":\"u\",\"password\":\"bad\"}"));
    assertEquals(401, refused.status());
    assertEquals("{\"message\":\"unauthorized: incorrect username or password\"}\n", refused.body());
    assertEquals(List.of(" u:bad"), logins); // no server: the engine picks Docker Hub, not the handler
    assertEquals(400, harness().request(post("/auth", "{")).status());
  }
}
