package io.jdocker.linux.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.linux.ns.Namespace;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Exec mode's spec, and the console key both modes share. */
class ExecSpecEncoderTest {
  private static List<String> strings(byte[] encoded) {
    int length = ByteBuffer.wrap(encoded).getInt();
    assertEquals(encoded.length - 4, length);
    String body = new String(encoded, 4, length, StandardCharsets.UTF_8);
    return Arrays.asList(body.substring(0, body.length() - 1).split("\0", -1));
  }

  @Test
  void encodesTargetNamespacesCgroupsCapsAndTheProcess() {
    ExecSpec spec = ExecSpec.builder(4242, "sh", "-c", "id")
        .namespaces(EnumSet.of(Namespace.MOUNT, Namespace.PID))
        .cgroupProcs(Path.of("/sys/fs/cgroup/memory/x/cgroup.procs"))
        .cgroupProcs(Path.of("/sys/fs/cgroup/pids/x/cgroup.procs"))
        .capabilities(EnumSet.of(Capability.KILL, Capability.CHOWN))
        .cwd("/srv").user(1000, 100).group(5).env("A=1").build();
    assertEquals(List.of("target", "4242", "ns", "pid", "ns", "mount",
        "cgroup", "/sys/fs/cgroup/memory/x/cgroup.procs", "cgroup", "/sys/fs/cgroup/pids/x/cgroup.procs",
        "caps", "0,5", "cwd", "/srv", "uid", "1000", "gid", "100", "group", "5",
        "arg", "sh", "arg", "-c", "arg", "id", "env", "A=1", ""), strings(ExecSpecEncoder.encode(spec)));
  }

  @Test
  void defaultsAreAllNamespacesDockersCapabilitiesAndRoot() {
    List<String> s = strings(ExecSpecEncoder.encode(ExecSpec.builder(7, "true").build()));
    assertEquals(List.of("target", "7", "ns", "pid", "ns", "mount", "ns", "uts", "ns", "ipc", "ns", "net",
        "caps", "0,1,3,4,5,6,7,8,10,13,18,27,29,31", "uid", "0", "gid", "0", "arg", "true", ""), s);
  }

  @Test
  void privilegedSendsNoCapsAndAConsoleReplacesTty() {
    List<String> s = strings(ExecSpecEncoder.encode(ExecSpec.builder(7, "sh").namespaces(Set.of()).privileged()
        .stdio(ContainerSpec.Stdio.console(Path.of("/proc/7/root/dev/pts/3"))).build()));
    assertEquals(List.of("target", "7", "console", "/proc/7/root/dev/pts/3", "uid", "0", "gid", "0", "arg", "sh", ""), s);
  }

  @Test
  void runModeEncodesTheConsoleToo() {
    ContainerSpec spec = ContainerSpec.builder("sh").namespaces(Set.of())
        .security(ContainerSpec.Security.privileged())
        .stdio(ContainerSpec.Stdio.console(Path.of("/dev/pts/9"))).build();
    assertTrue(spec.stdio().tty());
    assertEquals(List.of("tty", "1", "console", "/dev/pts/9", "uid", "0", "gid", "0", "arg", "sh", ""),
        strings(InitSpecEncoder.encode(spec)));
  }

  @Test
  void invalidSpecsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ExecSpec.builder(0, "true").build());
    assertThrows(IllegalArgumentException.class, () -> ExecSpec.builder(1).build());
    assertThrows(IllegalArgumentException.class, () -> ExecSpec.builder(1, "").build());
    assertThrows(IllegalArgumentException.class, () -> ExecSpec.builder(1, "x").user(-1, 0).build());
    assertThrows(IllegalArgumentException.class, () -> new ContainerSpec.Stdio(ProcessBuilder.Redirect.PIPE,
        ProcessBuilder.Redirect.PIPE, ProcessBuilder.Redirect.PIPE, false, Path.of("/o"), null, Path.of("/dev/pts/1")));
  }
}
