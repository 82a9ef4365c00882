package io.jdocker.linux.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcStatTest {
  @Test
  void startTimeIsField22EvenWhenTheNameHasSpacesAndParens() {
    String stat = "4242 (a b) c)) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 200";
    assertEquals(987654, ProcStat.parseStartTime(stat));
  }

  @Test
  void missingProcessHasNoStartTime(@TempDir Path proc) throws Exception {
    assertTrue(ProcStat.startTime(proc, 5).isEmpty());
    Files.createDirectories(proc.resolve("5"));
    Files.writeString(proc.resolve("5/stat"), "5 (sh) S 1 5 5 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 77 0 0\n");
    assertEquals(77, ProcStat.startTime(proc, 5).getAsLong());
  }

  @Test
  void ourOwnProcessIsItselfButNotWithAnotherStartTime() throws Exception {
    int self = (int) ProcessHandle.current().pid();
    long start = ProcStat.startTime(self).orElseThrow();
    assertTrue(ProcStat.isSameProcess(self, start));
    assertFalse(ProcStat.isSameProcess(self, start + 1));
  }
}
