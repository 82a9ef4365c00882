package io.jdocker.linux.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdocker.linux.ns.Namespace;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InitSpecEncoderTest {
  private static List<String> strings(byte[] encoded) {
    int length = ByteBuffer.wrap(encoded).getInt();
    assertEquals(encoded.length - 4, length);
    String body = new String(encoded, 4, length, StandardCharsets.UTF_8);
    assertEquals('\0', body.charAt(body.length() - 1));
    return Arrays.asList(body.substring(0, body.length() - 1).split("\0", -1));
  }

  @Test
  void encodesEveryFieldAsKeyValueStringsEndingWithAnEmptyKey() {
    ContainerSpec spec = ContainerSpec.builder("sh", "-c", "echo hi")
        .rootfs(new ContainerSpec.Overlay(List.of(Path.of("/l1"), Path.of("/l0")), Path.of("/u"), Path.of("/w"), Path.of("/m")))
        .namespaces(EnumSet.of(Namespace.NET, Namespace.PID, Namespace.MOUNT))
        .mount(new ContainerSpec.BindMount(Path.of("/host"), "/data", true))
        .hostname("h").cwd("/app").user(1000, 100).group(5).env("A=1")
        .security(ContainerSpec.Security.privileged()).build();
    assertEquals(List.of("ns", "pid", "ns", "mount", "ns", "net",
        "rootfs", "/m", "lower", "/l1", "lower", "/l0", "upper", "/u", "work", "/w",
        "mount", "/host", "/data", "ro",
        "hostname", "h", "cwd", "/app", "uid", "1000", "gid", "100", "group", "5",
        "arg", "sh", "arg", "-c", "arg", "echo hi", "env", "A=1", ""), strings(InitSpecEncoder.encode(spec)));
  }

  @Test
  void plainDirectoryRootAndNoOptionalFields() {
    ContainerSpec spec = ContainerSpec.builder("/bin/true").rootfs(new ContainerSpec.Directory(Path.of("/r")))
        .namespaces(Set.of(Namespace.MOUNT)).security(ContainerSpec.Security.privileged()).build();
    assertEquals(List.of("ns", "mount", "rootfs", "/r", "uid", "0", "gid", "0", "arg", "/bin/true", ""),
        strings(InitSpecEncoder.encode(spec)));
  }

  @Test
  void securityAndTtyAreEncoded() {
    ContainerSpec spec = ContainerSpec.builder("x").namespaces(Set.of())
        .security(new ContainerSpec.Security(EnumSet.of(Capability.KILL, Capability.CHOWN),
            List.of("/proc/kcore"), List.of("/proc/sys"), true))
        .stdio(new ContainerSpec.Stdio(ProcessBuilder.Redirect.INHERIT, ProcessBuilder.Redirect.INHERIT,
            ProcessBuilder.Redirect.INHERIT, true))
        .build();
    assertEquals(List.of("mask", "/proc/kcore", "readonly", "/proc/sys", "readonly_root", "1", "caps", "0,5",
        "tty", "1", "uid", "0", "gid", "0", "arg", "x", ""), strings(InitSpecEncoder.encode(spec)));
  }

  @Test
  void noCapabilitiesAtAllIsAnEmptyListNotAbsent() {
    ContainerSpec spec = ContainerSpec.builder("x").namespaces(Set.of())
        .security(ContainerSpec.Security.privileged().withCapabilities(Set.of())).build();
    assertEquals(List.of("caps", "", "uid", "0", "gid", "0", "arg", "x", ""), strings(InitSpecEncoder.encode(spec)));
  }

  @Test
  void capabilitiesParseAsDockerWritesThem() {
    assertEquals(Capability.NET_ADMIN, Capability.parse("CAP_NET_ADMIN"));
    assertEquals(Capability.NET_ADMIN, Capability.parse("net_admin"));
    assertEquals(21, Capability.SYS_ADMIN.number());
    assertEquals(40, Capability.CHECKPOINT_RESTORE.number());
    assertThrows(io.jdocker.errdefs.InvalidParameterException.class, () -> Capability.parse("CAP_NOPE"));
  }

  @Test
  void invalidSpecsAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> InitSpecEncoder.encode(ContainerSpec.builder("a\0b").build()));
    assertThrows(IllegalArgumentException.class, () -> ContainerSpec.builder().build());
    assertThrows(IllegalArgumentException.class, () -> ContainerSpec.builder("x")
        .rootfs(new ContainerSpec.Directory(Path.of("/r"))).namespaces(Set.of(Namespace.PID)).build());
    assertThrows(IllegalArgumentException.class, () -> new ContainerSpec.BindMount(Path.of("/a"), "rel", false));
  }

  @Test
  void controlMessagesParse() throws Exception {
    assertEquals(new ControlMessage(123, 0, null), ControlMessage.parse("pid 123"));
    assertEquals(new ControlMessage(-1, 127, "exec: \"x\": not found"), ControlMessage.parse("error 127 exec: \"x\": not found"));
    assertThrows(java.io.IOException.class, () -> ControlMessage.parse("hello"));
  }
}
