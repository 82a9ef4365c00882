package io.jdocker.daemon.engine.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.daemon.api.types.container.ContainerCreateRequest;
import io.jdocker.daemon.container.ContainerListFilter;
import io.jdocker.daemon.container.WaitCondition;
import io.jdocker.daemon.logs.LogMessage;
import io.jdocker.daemon.logs.LogReadOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TTY container and an OpenStdin one keep their terminal and stdin across a daemon restart
 * (the service closed without stopping them, a new one adopting them): jdocker-init holds the
 * terminal and a write end of stdin (root, busybox layer).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang guard, not an assertion
class RelayRestartRootTest {
  @TempDir Path tmp;
  Path layer;
  final List<ContainerService> services = new ArrayList<>();
  ContainerService service;

  @BeforeEach
  void setUp() throws Exception {
    RootEngine.assumeRunnable();
    layer = RootEngine.busyboxLayer(Files.createDirectories(tmp.resolve("layer")));
    service = newService();
  }

  ContainerService newService() {
    ContainerService s = RootEngine.serviceWithLayer(tmp, layer);
    services.add(s);
    return s;
  }

  @AfterEach
  void removeEverything() throws Exception {
    try {
      for (var c : service.list(new ContainerListFilter.Options(true, -1, null), false)) {
        service.remove(c.id(), true, false);
        assertFalse(Files.exists(tmp.resolve("exec/containers").resolve(c.id())), "FIFO dir left");
      }
      assertFalse(Files.readString(Path.of("/proc/self/mountinfo")).contains(tmp.toString()), "mount left");
    } finally {
      services.forEach(ContainerService::close);
    }
  }

  private String start(String name, String config) {
    String id = service.create(name, ContainerCreateRequest.parse(config.getBytes(StandardCharsets.UTF_8))).id();
    service.start(id);
    return id;
  }

  private void restart() {
    service.close(); // the daemon goes away, the container keeps running
    service = newService();
    service.restore();
  }

  /** Types {@code text} as an attached client whose stdin then ends; returns copyFrom's answer. */
  private boolean type(String id, String text) throws Exception {
    var attachment = service.attach(id, false, null, true);
    return attachment.stdin().copyFrom(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Follows the log until {@code text} has appeared; returns all of it so far. */
  private String awaitLog(String id, String text) throws IOException {
    StringBuilder seen = new StringBuilder();
    LogReadOptions follow = new LogReadOptions(true, false, -1, null, null, true);
    try (var cursor = service.logs(id, follow).cursor()) {
      for (LogMessage m = cursor.next(); m != null; m = cursor.next()) {
        seen.append(new String(m.bytes(), StandardCharsets.UTF_8));
        if (seen.indexOf(text) >= 0) {
          return seen.toString();
        }
      }
    }
    throw new AssertionError("container ended before printing " + text + "; it printed:\n" + seen);
  }

  @Test
  void aTtyContainerKeepsItsTerminalInputAndResizeAcrossARestart() throws Exception {
    String id = start("tty", "{\"Image\":\"busybox\",\"Tty\":true,\"OpenStdin\":true,"
        + "\"HostConfig\":{\"ConsoleSize\":[30,100]},\"Cmd\":[\"sh\",\"-c\","
        + "\"while read x; do [ $x = size ] && stty size; echo got-$x; done\"]}");
    assertTrue(type(id, "a\n")); // a TTY attach leaves stdin open when the client's ends
    awaitLog(id, "got-a\r\n");
    restart();
    assertEquals("running", service.inspect(id, false).state().status());
    service.resize(id, 40, 120);
    assertTrue(type(id, "b\nsize\n"));
    String log = awaitLog(id, "got-size\r\n");
    assertTrue(log.contains("got-b\r\n40 120\r\n"), log);
    service.stop(id, 0, null);
    assertEquals(137, service.inspect(id, false).state().exitCode());
  }

  @Test
  void anOpenStdinContainerKeepsItsStdinAcrossARestartAndStdinOnceStillEndsIt() throws Exception {
    String id = start("cat", "{\"Image\":\"busybox\",\"OpenStdin\":true,\"StdinOnce\":true,"
        + "\"Cmd\":[\"sh\",\"-c\",\"echo ready; while read x; do echo got-$x; done; echo eof; exit 4\"]}");
    awaitLog(id, "ready\n");
    restart(); // the old daemon's end of stdin closes: no EOF, jdocker-init holds one too
    assertEquals("running", service.inspect(id, false).state().status());
    assertFalse(type(id, "b\n")); // StdinOnce: the client's EOF closes the container's stdin
    assertEquals(4, service.wait(id, WaitCondition.NOT_RUNNING).get().statusCode());
    assertTrue(awaitLog(id, "eof\n").endsWith("ready\ngot-b\neof\n"));
  }
}
