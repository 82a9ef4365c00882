package io.jdocker.daemon.container;

import static io.jdocker.daemon.container.TestContainers.container;
import static io.jdocker.daemon.container.TestContainers.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.daemon.api.types.container.ContainerCreateRequest;
import io.jdocker.daemon.api.types.container.HostConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
  @TempDir
  Path dataRoot;

  private StateStore store() {
    return new StateStore(new ContainerLayout(dataRoot));
  }

  private static Container full(ContainerLayout layout) throws IOException {
    ContainerCreateRequest req;
    try (InputStream in = StateStoreTest.class.getResourceAsStream("/samples/containers/create-cli-many-flags.json")) {
      req = ContainerCreateRequest.parse(in);
    }
    ContainerId id = id("f00d");
    ContainerState state = new ContainerState(ContainerStatus.RUNNING, 4321, 987654, 0, false, "",
        Instant.parse("2026-01-01T10:00:00.123456789Z"), null, 2, false);
    return new Container(id, "web", Instant.parse("2026-01-01T09:59:59.5Z"), "/bin/sh", List.of("-c", "sleep 1"),
        req.config(), HostConfigDefaults.apply(req.hostConfig(), false), req.networkingConfig(), "sha256:" + "1".repeat(64),
        List.of("/l/2", "/l/1"), state, layout.pathsOf(id), null, null);
  }

  @Test
  void savedContainersLoadBackEqual() throws IOException {
    StateStore s = store();
    Container c = full(s.layout());
    Container plain = container(id("beef"), "db", 1);
    s.save(c);
    s.save(plain);
    List<Container> loaded = s.loadAll();
    assertEquals(2, loaded.size());
    assertTrue(loaded.contains(c), () -> "got " + loaded);
    assertTrue(loaded.contains(plain));
    String json = Files.readString(s.layout().configFile(c.id()));
    assertTrue(json.contains("\"PidStartTime\" : 987654"), json);
    assertTrue(json.contains("\"FinishedAt\" : \"0001-01-01T00:00:00Z\""), json);
    assertTrue(json.contains("\"StartedAt\" : \"2026-01-01T10:00:00.123456789Z\""), json);
  }

  @Test
  void saveReplacesTheFileAndLeavesNoTemp() throws IOException {
    StateStore s = store();
    Container c = container(id("beef"), "db", 1);
    s.save(c);
    Container started = TestContainers.running(c, 55);
    s.save(started);
    assertEquals(List.of(started), s.loadAll());
    try (var files = Files.list(s.layout().containerDir(c.id()))) {
      assertEquals(List.of(ContainerLayout.CONFIG_FILE), files.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void corruptHalfWrittenAndForeignFilesAreSkippedAndTempsSwept() throws IOException {
    StateStore s = store();
    Container good = container(id("beef"), "db", 1);
    s.save(good);
    Path goodDir = s.layout().containerDir(good.id());
    Path temp = goodDir.resolve(".config.v2.json.tmp-123");
    Files.writeString(temp, "{\"ID\":");

    Path truncated = s.layout().containerDir(id("bad1"));
    Files.createDirectories(truncated);
    Files.writeString(truncated.resolve(ContainerLayout.CONFIG_FILE), "{\"ID\":\"" + id("bad1").value() + "\",\"Na");

    Path empty = s.layout().containerDir(id("bad2"));
    Files.createDirectories(empty);
    Files.writeString(empty.resolve(ContainerLayout.CONFIG_FILE), "");

    Path wrongId = s.layout().containerDir(id("bad3"));
    Files.createDirectories(wrongId);
    Files.copy(s.layout().configFile(good.id()), wrongId.resolve(ContainerLayout.CONFIG_FILE));

    Files.createDirectories(s.layout().containerDir(id("bad4")));
    Files.writeString(s.layout().containersDir().resolve("stray-file"), "x");

    assertEquals(List.of(good), s.loadAll());
    assertFalse(Files.exists(temp));
  }

  @Test
  void missingRootIsEmpty() {
    assertEquals(List.of(), store().loadAll());
  }

  @Test
  void deleteRemovesTheDir() {
    StateStore s = store();
    Container c = container(id("beef"), "db", 1);
    s.save(c);
    s.delete(c.id());
    assertFalse(Files.exists(s.layout().containerDir(c.id())));
    assertEquals(List.of(), s.loadAll());
  }

  @Test
  void defaultsSurviveARoundTrip() {
    StateStore s = store();
    Container c = container(id("beef"), "db", 1)
        .withHostConfig(HostConfigDefaults.apply(HostConfig.empty().with(Map.of("Memory", 64L << 20)), true));
    s.save(c);
    Container back = s.loadAll().getFirst();
    assertEquals(128L << 20, back.hostConfig().memorySwap());
    assertEquals(c, back);
  }
}
