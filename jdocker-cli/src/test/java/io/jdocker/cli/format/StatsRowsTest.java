package io.jdocker.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdocker.cli.model.StatsEntry;
import org.junit.jupiter.api.Test;

class StatsRowsTest {
  @Test
  void percentagesRoundTheExactDoubleHalfToEvenAsGo() {
    // Go's FormatFloat(v, 'f', 2, 64); String.format("%.2f") would say 0.13%, 1.01% and 2.68%.
    assertEquals("0.12%", StatsRows.percent(0.125));
    assertEquals("0.38%", StatsRows.percent(0.375));
    assertEquals("1.00%", StatsRows.percent(1.005));
    assertEquals("2.67%", StatsRows.percent(2.675));
    assertEquals("100.00%", StatsRows.percent(99.999));
  }

  @Test
  void invalidEntriesPrintDashesAndAMissingNameToo() {
    TypedValue row = StatsRows.row(StatsEntry.empty("x").invalidated(), true);
    assertEquals("--", row.get("Name"));
    assertEquals("--", row.get("CPUPerc"));
    assertEquals("-- / --", row.get("MemUsage"));
    assertEquals("--", row.get("NetIO"));
    assertEquals("--", row.get("BlockIO"));
    assertEquals("--", row.get("PIDs"));
    assertEquals("", row.get("ID"));
    assertEquals("x", row.get("Container"));
  }

  @Test
  void resetKeepsWhoItIsButZeroesTheFigures() {
    StatsEntry e = new StatsEntry("c", "/n", "abc", 5, 6, 7, 8, 9, 10, 11, 12, 13, false).reset();
    assertEquals(new StatsEntry("c", "/n", "abc", 0, 0, 0, 0, 0, 0, 0, 0, 0, true), e);
  }
}
