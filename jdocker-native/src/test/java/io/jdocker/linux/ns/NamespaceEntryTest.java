package io.jdocker.linux.ns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.linux.errno.SyscallException;
import io.jdocker.linux.jnr.JnrProcessSyscalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enters the namespaces of a real process that unshare(1) put in new mount and uts namespaces. */
class NamespaceEntryTest {
  @TempDir Path tmp;
  private Process target;
  private final NamespaceEntry entry = new NamespaceEntry(JnrProcessSyscalls.INSTANCE);

  @BeforeEach
  void startTarget() throws Exception {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")), "needs unshare(1)");
    // A private tmpfs over our temp dir and another hostname, visible only inside.
    target = new ProcessBuilder("/usr/bin/unshare", "--mount", "--uts", "--propagation", "private", "sh", "-c",
        "hostname ns-test && mount -t tmpfs none " + tmp + " && echo inside > " + tmp + "/marker"
            + " && echo ready && exec sleep 1000").start();
    assertEquals("ready", new String(target.getInputStream().readNBytes(6)).trim());
  }

  @AfterEach
  void stopTarget() throws Exception {
    if (target != null) {
      target.destroyForcibly().waitFor();
    }
  }

  @Test
  void seesTheTargetsMountsAndHostnameAndLeavesTheJvmAlone() throws Exception {
    int pid = (int) target.pid();
    String seen = entry.callIn(pid, Set.of(Namespace.MOUNT, Namespace.UTS),
        () -> Files.readString(tmp.resolve("marker")).trim() + " "
            + Files.readString(Path.of("/proc/sys/kernel/hostname")).trim());
    assertEquals("inside ns-test", seen);
    assertFalse(Files.exists(tmp.resolve("marker")), "the JVM's own mount namespace is untouched");
    assertFalse(Files.readString(Path.of("/proc/sys/kernel/hostname")).trim().equals("ns-test"));
    // The trap DESIGN.md records: process creation from the JVM still works afterwards.
    assertEquals(0, new ProcessBuilder("true").start().waitFor());
  }

  @Test
  void aMissingProcessIsASyscallError() {
    SyscallException e = assertThrows(SyscallException.class,
        () -> entry.callIn(999_999_999, Set.of(Namespace.UTS), () -> null));
    assertEquals("open(/proc/999999999/ns/uts): ENOENT (No such file or directory)", e.getMessage());
  }

  @Test
  void failuresInsideTheBodyPropagate() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> entry.runIn((int) target.pid(),
        Set.of(Namespace.UTS), () -> {
          throw new IllegalStateException("boom");
        }));
    assertTrue(e.getMessage().contains("boom"));
  }
}
