package io.jdocker.daemon.container;

import static io.jdocker.daemon.container.TestContainers.container;
import static io.jdocker.daemon.container.TestContainers.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdocker.daemon.api.types.container.ContainerInspectResponse;
import io.jdocker.daemon.api.types.container.ContainerSummary;
import io.jdocker.daemon.api.types.container.HostConfig;
import io.jdocker.daemon.api.types.container.WireJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerViewsTest {
  @Test
  void inspectOfARunningContainer() {
    Container c = TestContainers.running(container(id("abc"), "web", 1), 4321)
        .withHostConfig(HostConfig.empty().with(Map.of("Binds", List.of("/srv:/www:ro"), "NetworkMode", "default")));
    ContainerInspectResponse r = ContainerViews.inspect(c, Map.of(), List.of());
    assertEquals("/web", r.name());
    assertEquals("running", r.state().status());
    assertTrue(r.state().running());
    assertEquals(4321, r.state().pid());
    assertEquals("2026-01-01T10:00:02Z", r.state().startedAt());
    assertEquals("0001-01-01T00:00:00Z", r.state().finishedAt());
    assertEquals("2026-01-01T10:00:01Z", r.created());
    assertEquals(List.of("-c", "echo hi"), r.args());
    assertNull(r.execIds());
    assertEquals("bind", r.mounts().getFirst().type());
    assertEquals("/srv", r.mounts().getFirst().source());
    assertEquals("ro", r.mounts().getFirst().mode());
    assertEquals(false, r.mounts().getFirst().rw());
    assertEquals("rprivate", r.mounts().getFirst().propagation());
    assertTrue(r.networkSettings().networks().containsKey("bridge"));
    assertEquals("overlay2", r.graphDriver().name());
    assertTrue(r.graphDriver().data().get("UpperDir").endsWith("/upper"));
    assertTrue(r.logPath().endsWith(c.id().value() + "-json.log"));
    JsonNode json = WireJson.mapper().valueToTree(r);
    assertTrue(json.get("State").has("OOMKilled"));
  }

  @Test
  void psEntry() {
    Container c = TestContainers.exited(container(id("abc"), "web", 1), 3);
    ContainerSummary s = ContainerViews.summary(c, c.created().plusSeconds(62), Map.of());
    assertEquals(List.of("/web"), s.names());
    assertEquals("sh -c 'echo hi'", s.command());
    assertEquals("exited", s.state());
    assertEquals("Exited (3) About a minute ago", s.status());
    assertEquals(c.created().getEpochSecond(), s.created());
    assertEquals("default", s.hostConfig().networkMode());
    assertEquals(Map.of(), s.labels());
    assertEquals(List.of(), s.ports());
  }
}
