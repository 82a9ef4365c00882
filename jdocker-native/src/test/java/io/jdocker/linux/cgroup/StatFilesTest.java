package io.jdocker.linux.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdocker.linux.cgroup.CgroupStats.BlkioEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cgroupfs statistics formats, as the kernel writes them. */
class StatFilesTest {
  @TempDir Path tmp;

  @Test
  void flatKeyedKeepsFileOrderAndSkipsWhatIsNotKeyValue() {
    Map<String, Long> values = StatFiles.flatKeyed("cache 9306112\nrss 7135232\n\nbogus\nname text\n"
        + "hierarchical_memory_limit 9223372036854771712\n");
    assertEquals(List.of("cache", "rss", "hierarchical_memory_limit"), List.copyOf(values.keySet()));
    assertEquals(9306112L, values.get("cache"));
    assertEquals(9223372036854771712L, values.get("hierarchical_memory_limit"));
  }

  @Test
  void numbersBeyondLongMaxMeanUnlimited() {
    assertEquals(CgroupStats.UNLIMITED, StatFiles.number("18446744073709551615"));
    assertEquals(42, StatFiles.number("42"));
  }

  @Test
  void percpuListIgnoresTheTrailingSpace() {
    assertEquals(List.of(3086969307736L, 3226873035563L), StatFiles.numbers("3086969307736 3226873035563 \n"));
    assertEquals(List.of(), StatFiles.numbers(""));
  }

  @Test
  void blkioV1KeepsDeviceOpAndValueAndDropsTheTotalLine() {
    List<BlkioEntry> entries = StatFiles.blkioV1("8:0 Read 4096\n8:0 Write 8192\n8:0 Sync 0\n8:0 Async 12288\n"
        + "8:0 Discard 0\n8:0 Total 12288\n253:1 Read 512\nTotal 12800\n");
    assertEquals(7, entries.size());
    assertEquals(new BlkioEntry(8, 0, "Read", 4096), entries.get(0));
    assertEquals(new BlkioEntry(8, 0, "Total", 12288), entries.get(5));
    assertEquals(new BlkioEntry(253, 1, "Read", 512), entries.get(6));
    assertEquals(List.of(), StatFiles.blkioV1("Total 0\n"));
  }

  @Test
  void ioStatGivesAReadAndAWriteEntryPerDevice() {
    List<BlkioEntry> entries = StatFiles.ioStatBytes(
        "8:16 rbytes=1459200 wbytes=314773504 rios=192 wios=353 dbytes=0 dios=0\n259:0 rbytes=7 wbytes=9\n");
    assertEquals(List.of(new BlkioEntry(8, 16, "read", 1459200), new BlkioEntry(8, 16, "write", 314773504),
        new BlkioEntry(259, 0, "read", 7), new BlkioEntry(259, 0, "write", 9)), entries);
    assertNull(StatFiles.ioStatBytes(""), "dockerd leaves the list null when no device was used");
  }

  @Test
  void limitsReadMaxAndAbsenceAsUnlimited() throws IOException {
    Files.writeString(tmp.resolve("memory.max"), "max\n");
    Files.writeString(tmp.resolve("pids.max"), "64\n");
    assertEquals(CgroupStats.UNLIMITED, StatFiles.limit(tmp.resolve("memory.max")));
    assertEquals(64, StatFiles.limit(tmp.resolve("pids.max")));
    assertEquals(CgroupStats.UNLIMITED, StatFiles.limit(tmp.resolve("absent")));
  }

  @Test
  void requiredFilesThrowWhenMissingOptionalOnesReadZero() throws IOException {
    assertThrows(NoSuchFileException.class, () -> StatFiles.required(tmp.resolve("memory.current")));
    assertEquals(0, StatFiles.optionalNumber(tmp.resolve("memory.current")));
    Files.writeString(tmp.resolve("memory.current"), "1234\n");
    assertEquals(1234, StatFiles.required(tmp.resolve("memory.current")));
  }
}
