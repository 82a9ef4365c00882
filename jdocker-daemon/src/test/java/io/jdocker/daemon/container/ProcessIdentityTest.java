package io.jdocker.daemon.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessIdentityTest {
  @TempDir
  Path proc;

  private void stat(long pid, String comm, String state, long startTime) throws IOException {
    Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
    StringBuilder fields = new StringBuilder(pid + " (" + comm + ") " + state);
    for (int field = 4; field <= 52; field++) {
      fields.append(' ').append(field == 22 ? startTime : field);
    }
    Files.writeString(dir.resolve("stat"), fields + "\n");
  }

  @Test
  void samePidAndStartTimeIsTheSameProcess() throws IOException {
    stat(4321, "sh", "S", 987654);
    ProcessIdentity ids = new ProcessIdentity(proc);
    assertEquals(OptionalLong.of(987654), ids.startTime(4321));
    assertTrue(ids.isSameProcess(4321, 987654));
    assertFalse(ids.isSameProcess(4321, 987655), "a reused PID has another start time");
    assertFalse(ids.isSameProcess(999, 987654), "no such process");
    assertFalse(ids.isSameProcess(0, 0));
  }

  @Test
  void commandNamesWithSpacesAndParenthesesAreSkipped() throws IOException {
    stat(7, "evil) 1 2 (x", "R", 31337);
    assertEquals(OptionalLong.of(31337), new ProcessIdentity(proc).startTime(7));
  }

  @Test
  void zombiesAndGarbageAreNotAlive() throws IOException {
    stat(8, "dead", "Z", 5);
    Files.createDirectories(proc.resolve("9"));
    Files.writeString(proc.resolve("9").resolve("stat"), "9 (short) S 1 2");
    ProcessIdentity ids = new ProcessIdentity(proc);
    assertFalse(ids.isSameProcess(8, 5));
    assertEquals(OptionalLong.empty(), ids.startTime(9));
  }

  @Test
  void readsTheRealProcForThisJvm() {
    long self = ProcessHandle.current().pid();
    ProcessIdentity real = new ProcessIdentity();
    OptionalLong start = real.startTime(self);
    assertTrue(start.isPresent());
    assertTrue(real.isSameProcess(self, start.getAsLong()));
  }
}
