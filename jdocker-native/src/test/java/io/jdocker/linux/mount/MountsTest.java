package io.jdocker.linux.mount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.linux.errno.SyscallException;
import io.jdocker.linux.jnr.JnrMountSyscalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountsTest {
  /** Records the exact mount arguments. */
  static final class RecordingMountSyscalls implements MountSyscalls {
    final List<String> calls = new ArrayList<>();

    @Override
    public void mount(String source, String target, String fstype, long flags, String data) {
      calls.add("mount " + source + " " + target + " " + fstype + " " + flags + " " + data);
    }

    @Override
    public void umount2(String target, int flags) {
      calls.add("umount2 " + target + " " + flags);
    }
  }

  @TempDir Path tmp;

  @Test
  void overlayJoinsLowersTopFirst() throws Exception {
    RecordingMountSyscalls rec = new RecordingMountSyscalls();
    new Mounts(rec).overlay(List.of(Path.of("/l/top"), Path.of("/l/base")), Path.of("/u"), Path.of("/w"), Path.of("/m"));
    assertEquals(List.of("mount overlay /m overlay 0 lowerdir=/l/top:/l/base,upperdir=/u,workdir=/w"), rec.calls);
  }

  @Test
  void overlayRejectsPathsThatWouldSplitTheOptions() {
    Mounts mounts = new Mounts(new RecordingMountSyscalls());
    assertThrows(IllegalArgumentException.class,
        () -> mounts.overlay(List.of(Path.of("/a:b")), Path.of("/u"), Path.of("/w"), Path.of("/m")));
    assertThrows(IllegalArgumentException.class,
        () -> mounts.overlay(List.of(Path.of("/a")), Path.of("/u,x"), Path.of("/w"), Path.of("/m")));
  }

  @Test
  void readOnlyBindIsABindThenARemount() throws Exception {
    RecordingMountSyscalls rec = new RecordingMountSyscalls();
    Mounts mounts = new Mounts(rec);
    mounts.bind(Path.of("/src"), Path.of("/dst"), true);
    mounts.detach(Path.of("/dst"));
    assertEquals(List.of("mount /src /dst null 20480 null", "mount null /dst null 4129 null", "umount2 /dst 2"),
        rec.calls);
  }

  @Test
  void realOverlayWritesToUpperAndFailuresNameCallPathAndErrno() throws Exception {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
    Path lower = Files.createDirectories(tmp.resolve("lower"));
    Path upper = Files.createDirectories(tmp.resolve("upper"));
    Path work = Files.createDirectories(tmp.resolve("work"));
    Path merged = Files.createDirectories(tmp.resolve("merged"));
    Files.writeString(lower.resolve("a"), "lower");
    Mounts mounts = new Mounts(JnrMountSyscalls.INSTANCE);
    mounts.overlay(List.of(lower), upper, work, merged);
    try {
      assertEquals("lower", Files.readString(merged.resolve("a")));
      Files.writeString(merged.resolve("a"), "changed");
      assertEquals("changed", Files.readString(upper.resolve("a")));
      assertEquals("lower", Files.readString(lower.resolve("a")));
    } finally {
      mounts.unmount(merged);
    }
    assertTrue(Files.notExists(merged.resolve("a")));
    SyscallException e = assertThrows(SyscallException.class, () -> mounts.unmount(merged));
    assertEquals("umount2(" + merged + "): EINVAL (Invalid argument)", e.getMessage());
    Path missing = tmp.resolve("missing");
    e = assertThrows(SyscallException.class, () -> mounts.bind(lower, missing, false));
    assertEquals("mount(" + missing + "): ENOENT (No such file or directory)", e.getMessage());
  }
}
