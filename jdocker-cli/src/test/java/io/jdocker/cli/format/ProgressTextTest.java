package io.jdocker.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTextTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_000_010);

  @Test
  void barOnlyOnWideTerminalsAndTimeLeftFromTheStart() {
    Map<String, Object> detail = Map.of("current", 1000L, "total", 100_000L, "start", 1_000_000L);
    // 10 s for 1000 bytes: 99000 more take 990 s.
    assertEquals("[>                                                  ]      1kB/100kB 16m30s", ProgressText.render(detail, 120, NOW));
    assertEquals("     1kB/100kB 16m30s", ProgressText.render(detail, 80, NOW));
    assertEquals("     1kB/100kB", ProgressText.render(detail, 50, NOW));
  }

  @Test
  void unitsCountsAndOddValues() {
    assertEquals("5/10 files", ProgressText.render(Map.of("current", 5L, "total", 10L, "units", "files"), 80, NOW));
    assertEquals("50 files", ProgressText.render(Map.of("current", 50L, "total", 10L, "units", "files"), 80, NOW));
    assertEquals("     50B", ProgressText.render(Map.of("current", 50L, "total", 10L), 80, NOW));
    assertEquals("      5B", ProgressText.render(Map.of("current", 5L), 80, NOW));
    assertEquals("[==================================================>] ",
        ProgressText.render(Map.of("current", 5L, "total", 5L, "hidecounts", true), 200, NOW));
    assertTrue(ProgressText.isEmpty(Map.of()));
    assertEquals("", ProgressText.render(Map.of(), 200, NOW));
  }

  @Test
  void goDurations() {
    assertEquals("0s", ProgressText.goDuration(0));
    assertEquals("4m0s", ProgressText.goDuration(240));
    assertEquals("1h0m5s", ProgressText.goDuration(3605));
  }

  @Test
  void ellipsisCountsTerminalCells() {
    assertEquals("日本語の…", DisplayWidth.ellipsis("日本語の説明", 9));
    assertEquals("abcd…", DisplayWidth.ellipsis("abcdefgh", 5));
    assertEquals("abc", DisplayWidth.ellipsis("abc", 5));
  }
}
