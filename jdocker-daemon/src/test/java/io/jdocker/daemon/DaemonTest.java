package io.jdocker.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.daemon.server.SocketFiles.DaemonAlreadyRunningException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonTest {
  @TempDir Path dir;

  private DaemonConfig config(String name, String dataRoot) {
    return new DaemonConfig(List.of(dir.resolve(name + ".sock")), dir.resolve(dataRoot),
        dir.resolve(name + "-exec"), dir.resolve(name + "-exec/jdockerd.pid"), "info", false,
        List.of(), List.of(), dir.resolve("daemon.json"));
  }

  @Test
  void startsListensAndCleansUpOnClose() throws Exception {
    DaemonConfig config = config("a", "data");
    Path socket = config.sockets().getFirst();
    try (Daemon daemon = Daemon.start(config, new BuildInfo("1.0", "abc", "2026-01-01T00:00:00.000000000+00:00"))) {
      SocketChannel.open(UnixDomainSocketAddress.of(socket)).close();
      assertEquals(ProcessHandle.current().pid() + "\n", Files.readString(config.pidFile()));
      assertTrue(Files.exists(config.dataRoot().resolve("engine-id")));
    }
    assertFalse(Files.exists(socket));
    assertFalse(Files.exists(config.pidFile()));
  }

  @Test
  void engineIdIsStablePerDataRoot() throws Exception {
    Files.createDirectories(dir.resolve("data"));
    String first = EngineId.load(dir.resolve("data"));
    assertEquals(first, EngineId.load(dir.resolve("data")));
  }

  @Test
  void refusesADataRootInUseAndASocketInUseLeavingTheRunningDaemonIntact() throws Exception {
    BuildInfo build = new BuildInfo("1.0", "abc", "x");
    DaemonConfig first = config("a", "data");
    try (Daemon daemon = Daemon.start(first, build)) {
      DaemonAlreadyRunningException sameRoot = assertThrows(DaemonAlreadyRunningException.class,
          () -> Daemon.start(config("b", "data"), build));
      assertTrue(sameRoot.getMessage().contains("data root"), sameRoot.getMessage());
      DaemonConfig sameSocket = new DaemonConfig(first.sockets(), dir.resolve("data2"), dir.resolve("c-exec"),
          dir.resolve("c-exec/jdockerd.pid"), "info", false, List.of(), List.of(), first.configFile());
      DaemonAlreadyRunningException socketTaken = assertThrows(DaemonAlreadyRunningException.class,
          () -> Daemon.start(sameSocket, build));
      assertTrue(socketTaken.getMessage().contains("already listening"), socketTaken.getMessage());
      assertTrue(Files.exists(first.sockets().getFirst()));
      SocketChannel.open(UnixDomainSocketAddress.of(first.sockets().getFirst())).close();
    }
  }
}
