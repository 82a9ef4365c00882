package io.jdocker.linux.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SystemCpuUsageTest {
  @Test
  void sumsTheFirstSevenFieldsOfTheCpuLineInNanosAndCountsCpuLines() {
    String stat = "cpu  100 1 20 300 4 5 6 7 0 0\n"
        + "cpu0 50 1 10 150 2 2 3 3 0 0\n"
        + "cpu1 50 0 10 150 2 3 3 4 0 0\n"
        + "intr 123 4 5\nctxt 999\n";
    // 100+1+20+300+4+5+6 ticks of 10 ms; steal (7) is not counted, as dockerd does
    assertEquals(new SystemCpuUsage(436L * 10_000_000L, 2), SystemCpuUsage.parse(stat));
  }

  @Test
  void aFileWithoutTheCpuLineIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> SystemCpuUsage.parse("intr 1\n"));
    assertThrows(IllegalArgumentException.class, () -> SystemCpuUsage.parse("cpu 1 2 3\n"));
  }

  @Test
  void theHostsOwnFileParses() throws IOException {
    SystemCpuUsage usage = SystemCpuUsage.read(Path.of("/proc"));
    assertTrue(usage.totalNanos() > 0);
    assertTrue(usage.onlineCpus() > 0);
  }
}
