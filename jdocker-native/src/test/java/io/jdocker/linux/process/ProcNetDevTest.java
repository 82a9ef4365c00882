package io.jdocker.linux.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcNetDevTest {
  private static final String NET_DEV = """
      Inter-|   Receive                                                |  Transmit
       face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
          lo:     140       2    0    0    0     0          0         0      140       2    0    0    0     0       0          0
        eth0:12345678901    36    1    2    0     0          0         0      648       8    3    4    0     0       0          0
      """;

  @TempDir Path proc;

  @Test
  void readsEachInterfaceInOrderWithReceiveAndTransmitCounters() throws IOException {
    Files.createDirectories(proc.resolve("42/net"));
    Files.writeString(proc.resolve("42/net/dev"), NET_DEV);
    Map<String, ProcNetDev.Counters> interfaces = ProcNetDev.read(proc, 42);
    assertEquals(List.of("lo", "eth0"), List.copyOf(interfaces.keySet()));
    assertEquals(new ProcNetDev.Counters(12345678901L, 36, 1, 2, 648, 8, 3, 4), interfaces.get("eth0"),
        "a counter that runs into the colon still parses");
    assertEquals(new ProcNetDev.Counters(140, 2, 0, 0, 140, 2, 0, 0), interfaces.get("lo"));
  }

  @Test
  void theHostsOwnFileParses() throws IOException {
    assertTrue(ProcNetDev.read(Path.of("/proc"), ProcessHandle.current().pid()).containsKey("lo"));
  }

  @Test
  void memTotalIsInBytes() {
    assertEquals(2048L * 1024, ProcMeminfo.parseTotal("MemTotal:        2048 kB\nMemFree: 1 kB\n"));
    assertEquals(0, ProcMeminfo.parseTotal("MemFree: 1 kB\n"));
  }
}
