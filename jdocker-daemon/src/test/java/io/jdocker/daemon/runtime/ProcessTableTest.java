package io.jdocker.daemon.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ps -ef columns from a fake /proc. */
class ProcessTableTest {
  @TempDir Path proc;

  private static final String STAT =
      "4242 (my (odd) cmd) S 4200 4242 4242 34817 4242 4194560 100 0 0 0 250 120 0 0 20 0 1 0 %d 1000 100";

  @Test
  void rowsLookLikePsEf() throws Exception {
    // Booted at epoch 1_000_000, uptime 1000 s; the process started 100 s after boot and used 3.7 s of CPU.
    Files.writeString(proc.resolve("uptime"), "1000.00 1500.00\n");
    Files.writeString(proc.resolve("stat"), "cpu 1 2 3\nbtime 1000000\n");
    Path dir = Files.createDirectories(proc.resolve("4242"));
    Files.writeString(dir.resolve("stat"), STAT.formatted(100 * 100));
    Files.writeString(dir.resolve("status"), "Name:\tx\nUid:\t1000\t1000\t1000\t1000\n");
    Files.write(dir.resolve("cmdline"), "sleep\0001000\0".getBytes(StandardCharsets.UTF_8));
    Path passwd = Files.writeString(proc.resolve("passwd"), "root:x:0:0::/root:/bin/sh\nalice:x:1000:1000::/:/bin/sh\n");
    ProcessTable table = new ProcessTable(proc, passwd, ZoneOffset.UTC);

    TopResult top = table.list(List.of(4242, 999));
    assertEquals(ProcessTable.TITLES, top.titles());
    // Started 1970-01-12T13:48:20Z; C = 3.7 s / 900 s = 0 %.
    String stime = table.startTime(Instant.ofEpochSecond(1_000_100), Instant.now());
    assertEquals(List.of(List.of("alice", "4242", "4200", "0", stime, "pts/1", "00:00:03", "sleep 1000")),
        top.processes());
    assertEquals("1970", stime);
  }

  @Test
  void kernelThreadsAndZombiesShowTheirNameInBrackets() {
    ProcInfo p = ProcInfo.parse(7, STAT.formatted(5), "Uid:\t0\t0\t0\t0\n", new byte[0]);
    List<String> row = new ProcessTable(proc, proc, ZoneOffset.UTC).row(p, 2, 0, Instant.ofEpochSecond(2), Map.of());
    assertEquals("[my (odd) cmd]", row.get(7));
    assertEquals("0", row.get(0));
    assertEquals("99", row.get(3), "3.7 s of CPU in 1.95 s is capped at 99%");
  }

  @Test
  void columnsFollowProcps() {
    ProcessTable table = new ProcessTable(proc, proc, ZoneOffset.UTC);
    Instant now = Instant.parse("2025-06-10T15:00:00Z");
    assertEquals("09:05", table.startTime(Instant.parse("2025-06-10T09:05:00Z"), now));
    assertEquals("Jun09", table.startTime(Instant.parse("2025-06-09T23:59:00Z"), now));
    assertEquals("2024", table.startTime(Instant.parse("2024-12-31T10:00:00Z"), now));
    assertEquals("00:00:00", ProcessTable.cpuTime(99));
    assertEquals("01:01:01", ProcessTable.cpuTime(366_100));
    assertEquals("2-00:00:05", ProcessTable.cpuTime((2 * 86_400 + 5) * 100));
    assertEquals("?", ProcessTable.tty(0));
    assertEquals("pts/0", ProcessTable.tty(136 << 8));
    assertEquals("pts/257", ProcessTable.tty((137 << 8) | 1));
    assertEquals("tty2", ProcessTable.tty((4 << 8) | 2));
  }
}
