package io.jdocker.daemon.engine.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.daemon.api.containers.ContainersBackend;
import io.jdocker.daemon.api.containers.ExecBackend;
import io.jdocker.daemon.api.containers.ExecCreateRequest;
import io.jdocker.daemon.api.containers.ExecStartRequest;
import io.jdocker.daemon.api.types.container.ContainerCreateRequest;
import io.jdocker.daemon.container.ContainerListFilter;
import io.jdocker.daemon.container.WaitCondition;
import io.jdocker.daemon.logs.LogMessage;
import io.jdocker.daemon.logs.LogReadOptions;
import io.jdocker.errdefs.ConflictException;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * exec, TTY containers, stdin and docker cp on real containers (root, busybox layer). Every
 * container is force-removed afterwards; no cp mount may be left.
 */
class InteractiveRootTest {
  @TempDir Path tmp;
  ContainerService service;

  @BeforeEach
  void setUp() throws Exception {
    RootEngine.assumeRunnable();
    Path layer = RootEngine.busyboxLayer(Files.createDirectories(tmp.resolve("layer")));
    Files.writeString(layer.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534::/nonexistent:/bin/sh\n");
    service = RootEngine.serviceWithLayer(tmp, layer);
  }

  @AfterEach
  void removeEverything() throws Exception {
    if (service == null) {
      return;
    }
    try {
      for (var c : service.list(new ContainerListFilter.Options(true, -1, null), false)) {
        service.remove(c.id(), true, false);
      }
      assertFalse(Files.readString(Path.of("/proc/self/mountinfo")).contains(tmp.toString()), "mount left");
    } finally {
      service.close();
    }
  }

  String create(String name, String config) {
    return service.create(name, ContainerCreateRequest.parse(config.getBytes(StandardCharsets.UTF_8))).id();
  }

  String startSleeper(String name) {
    String id = create(name, "{\"Image\":\"busybox\",\"Env\":[\"A=container\",\"B=container\"],"
        + "\"WorkingDir\":\"/tmp\",\"Cmd\":[\"sleep\",\"1000\"]}");
    service.start(id);
    return id;
  }

  String logs(String id) throws IOException {
    StringBuilder out = new StringBuilder();
    try (var cursor = service.logs(id, LogReadOptions.all()).cursor()) {
      for (LogMessage m = cursor.next(); m != null; m = cursor.next()) {
        out.append(new String(m.bytes(), StandardCharsets.UTF_8));
      }
    }
    return out.toString();
  }

  record Ran(String stdout, String stderr, int exitCode) {}

  Ran exec(String container, String json) throws Exception {
    ExecService execs = service.execs();
    String id = execs.create(container, io.jdocker.daemon.api.ApiJson.mapper().readValue(json, ExecCreateRequest.class));
    ExecBackend.ExecStreams s = execs.start(id, new ExecStartRequest(false, false, null));
    if (s.stdin() != null) {
      s.stdin().close();
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread errCopy = Thread.ofPlatform().start(() -> {
      try {
        s.stderr().transferTo(err);
      } catch (IOException e) {
        throw new RuntimeException(e);
      }
    });
    String out = new String(s.stdout().readAllBytes(), StandardCharsets.UTF_8);
    errCopy.join();
    int code = s.exit().get();
    assertEquals(code, execs.inspect(id).exitCode());
    return new Ran(out, err.toString(StandardCharsets.UTF_8), code);
  }

  @Test
  void execRunsInTheContainerWithItsEnvUserAndWorkingDir() throws Exception {
    String c = startSleeper("ex");
    Ran plain = exec(c, "{\"AttachStdout\":true,\"AttachStderr\":true,\"Env\":[\"B=exec\"],"
        + "\"Cmd\":[\"sh\",\"-c\",\"echo $A $B $(pwd) $(id -u) $$; echo e >&2; exit 4\"]}");
    assertEquals(4, plain.exitCode());
    assertTrue(plain.stdout().startsWith("container exec /tmp 0 "), plain.stdout());
    assertEquals("e\n", plain.stderr());
    Ran other = exec(c, "{\"AttachStdout\":true,\"AttachStderr\":true,\"User\":\"nobody\",\"WorkingDir\":\"/\","
        + "\"Cmd\":[\"sh\",\"-c\",\"echo $(id -u) $(pwd)\"]}");
    assertEquals("65534 /\n", other.stdout());
  }

  @Test
  void execOfAMissingOrNonExecutableCommandIs127Or126() throws Exception {
    String c = startSleeper("ex127");
    ExecService execs = service.execs();
    String missing = execs.create(c, new ExecCreateRequest(false, true, true, null, "", false, null,
        List.of("nope"), false, "", ""));
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> execs.start(missing, new ExecStartRequest(false, false, null)));
    assertEquals("OCI runtime exec failed: exec failed: unable to start container process: exec: \"nope\": "
        + "executable file not found in $PATH: unknown", e.getMessage());
    assertEquals(127, execs.inspect(missing).exitCode());
    String notExecutable = execs.create(c, new ExecCreateRequest(false, true, true, null, "", false, null,
        List.of("/etc/passwd"), false, "", ""));
    assertThrows(InvalidParameterException.class,
        () -> execs.start(notExecutable, new ExecStartRequest(false, false, null)));
    assertEquals(126, execs.inspect(notExecutable).exitCode());
  }

  @Test
  void execIntoAStoppedOrPausedContainerIsAConflict() throws Exception {
    ExecCreateRequest sh = new ExecCreateRequest(false, true, true, null, "", false, null, List.of("sh"), false, "", "");
    String created = create("stopped", "{\"Image\":\"busybox\",\"Cmd\":[\"true\"]}");
    ConflictException notRunning = assertThrows(ConflictException.class, () -> service.execs().create(created, sh));
    assertEquals("Container " + created + " is not running", notRunning.getMessage());
    String c = startSleeper("paused");
    service.pause(c);
    ConflictException paused = assertThrows(ConflictException.class, () -> service.execs().create(c, sh));
    assertEquals("Container " + c + " is paused, unpause the container before exec", paused.getMessage());
    service.unpause(c);
    assertThrows(NotFoundException.class, () -> service.execs().inspect("nope"));
  }

  @Test
  void topListsExecdProcessesAndInspectTheirIds() throws Exception {
    String c = startSleeper("top");
    ExecService execs = service.execs();
    String id = execs.create(c, new ExecCreateRequest(false, false, false, null, "", false, null,
        List.of("sleep", "77"), false, "", ""));
    execs.start(id, new ExecStartRequest(true, false, null));
    assertTrue(service.top(c, "").processes().stream().anyMatch(row -> row.getLast().equals("sleep 77")));
    assertEquals(List.of(id), service.inspect(c, false).execIds());
  }

  @Test
  void aTtyContainerWritesThroughItsTerminalWithItsConsoleSize() throws Exception {
    String id = create("tty", "{\"Image\":\"busybox\",\"Tty\":true,\"HostConfig\":{\"ConsoleSize\":[30,100]},"
        + "\"Cmd\":[\"sh\",\"-c\",\"stty size; tty; printf 'a\\\\nb\\\\n'\"]}");
    service.start(id);
    assertEquals(0, service.wait(id, WaitCondition.NOT_RUNNING).get().statusCode());
    assertEquals("30 100\r\n/dev/pts/0\r\na\r\nb\r\n", logs(id));
  }

  @Test
  void resizeAndStdinReachATtyContainer() throws Exception {
    String id = create("ttyin", "{\"Image\":\"busybox\",\"Tty\":true,\"OpenStdin\":true,"
        + "\"Cmd\":[\"sh\",\"-c\",\"read x; stty size; echo got $x\"]}");
    ContainersBackend.Attachment a = service.attach(id, false, null, true);
    service.start(id);
    service.resize(id, 40, 120);
    // A TTY attach ends when its stdin ends; the container keeps its terminal.
    assertTrue(a.stdin().copyFrom(new ByteArrayInputStream("hello\n".getBytes(StandardCharsets.UTF_8))));
    assertEquals(0, service.wait(id, WaitCondition.NOT_RUNNING).get().statusCode());
    assertTrue(logs(id).endsWith("40 120\r\ngot hello\r\n"), logs(id));
  }

  @Test
  void stdinOnceGivesTheContainerEofWhenTheClientEnds() throws Exception {
    String id = create("cat", "{\"Image\":\"busybox\",\"OpenStdin\":true,\"StdinOnce\":true,\"AttachStdin\":true,"
        + "\"Cmd\":[\"cat\"]}");
    ContainersBackend.Attachment a = service.attach(id, false, null, true); // before start, as docker run -i
    Thread client = Thread.ofPlatform().start(() -> {
      try {
        assertFalse(a.stdin().copyFrom(new ByteArrayInputStream("a\nb\n".getBytes(StandardCharsets.UTF_8))));
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });
    service.start(id);
    client.join();
    assertEquals(0, service.wait(id, WaitCondition.NOT_RUNNING).get().statusCode());
    assertEquals("a\nb\n", logs(id));
  }

  @Test
  void cpBothWaysOnRunningAndStoppedContainers() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Files.writeString(src.resolve("f.txt"), "hello\n");
    byte[] tar = new ProcessBuilder("tar", "-C", src.toString(), "-c", "f.txt").start().getInputStream().readAllBytes();
    ArchiveService cp = service.archives();
    String running = startSleeper("cprun");
    String stopped = create("cpstop", "{\"Image\":\"busybox\",\"Cmd\":[\"true\"]}");
    for (String c : List.of(running, stopped)) {
      cp.extract(c, "/tmp", new ByteArrayInputStream(tar), true, false);
      assertEquals(6, cp.stat(c, "/tmp/f.txt").size());
      ByteArrayOutputStream back = new ByteArrayOutputStream();
      cp.archive(c, "/tmp/f.txt", archive -> archive.writeTo(back));
      assertTrue(back.toString(StandardCharsets.ISO_8859_1).contains("hello\n"));
      NotFoundException missing = assertThrows(NotFoundException.class, () -> cp.stat(c, "/nope"));
      assertEquals("Could not find the file /nope in container " + c, missing.getMessage());
      // A path climbing out of the root stays inside it.
      assertEquals(cp.stat(c, "/etc/passwd").size(), cp.stat(c, "/../../../etc/passwd").size());
    }
    assertFalse(Files.readString(Path.of("/proc/self/mountinfo")).contains("/cp-"), "cp mount left");
    service.start(stopped); // the copy made while stopped is in its filesystem
    assertEquals(0, service.wait(stopped, WaitCondition.NOT_RUNNING).get().statusCode());
    assertEquals(6, cp.stat(stopped, "/tmp/f.txt").size());
  }

  @Test
  void cpIntoAReadOnlyRootfsIsRefused() throws Exception {
    String id = create("ro", "{\"Image\":\"busybox\",\"Cmd\":[\"true\"],\"HostConfig\":{\"ReadonlyRootfs\":true}}");
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> service.archives().extract(id, "/tmp", new ByteArrayInputStream(new byte[1024]), false, false));
    assertEquals("container rootfs is marked read-only", e.getMessage());
  }

  /** CVE-2018-15664: a running container cannot swap symlinks in while cp walks it (cgroup v1 freezer here). */
  @Test
  void cpFreezesARunningContainerOnlyWhileItCopies() throws Exception {
    Path freezer = Path.of("/sys/fs/cgroup/freezer/jdocker");
    Assumptions.assumeTrue(Files.isDirectory(freezer), "needs the cgroup v1 freezer");
    String id = startSleeper("cpfreeze");
    Path state = freezer.resolve(id).resolve("freezer.state");
    List<String> during = new java.util.ArrayList<>();
    service.archives().archive(id, "/etc", archive -> {
      during.add(Files.readString(state).strip());
      archive.writeTo(OutputStream.nullOutputStream());
    });
    assertEquals(List.of("FROZEN"), during);
    assertEquals("THAWED", Files.readString(state).strip());
    assertEquals("running", service.inspect(id, false).state().status(), "no visible pause");

    service.pause(id);
    service.archives().archive(id, "/etc", archive -> archive.writeTo(OutputStream.nullOutputStream()));
    assertEquals("FROZEN", Files.readString(state).strip(), "a paused container stays paused");
    service.unpause(id);
  }
}
