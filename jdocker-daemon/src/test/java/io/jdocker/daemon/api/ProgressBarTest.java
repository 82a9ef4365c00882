package io.jdocker.daemon.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressBarTest {
  @Test
  void humanSizeIsGoUnitsDecimalWithFourSignificantDigits() {
    assertEquals("0B", ProgressBar.humanSize(0));
    assertEquals("999B", ProgressBar.humanSize(999));
    assertEquals("1kB", ProgressBar.humanSize(1000));
    assertEquals("3.678kB", ProgressBar.humanSize(3678));
    assertEquals("300.4kB", ProgressBar.humanSize(300353));
    assertEquals("2.142MB", ProgressBar.humanSize(2141696));
    assertEquals("1.5MB", ProgressBar.humanSize(1_500_000));
    assertEquals("1000kB", ProgressBar.humanSize(999_999)); // the unit is chosen before rounding, as in Go
    assertEquals("10.12kB", ProgressBar.humanSize(10125)); // an exact tie rounds to even, as Go's %g does
    assertEquals("4.295GB", ProgressBar.humanSize(4_294_967_296L));
  }

  @Test
  void barHasFiftyColumnsAndTheHeadAtTheFraction() {
    assertEquals("[>" + " ".repeat(50) + "]  3.678kB/300.4kB", ProgressBar.render(3678, 300353));
    assertEquals("[" + "=".repeat(25) + ">" + " ".repeat(25) + "]  150.2kB/300.4kB", ProgressBar.render(150200, 300353));
    assertEquals("[" + "=".repeat(50) + ">]  300.4kB/300.4kB", ProgressBar.render(300353, 300353));
    assertEquals("[" + "=".repeat(49) + "> ]     526B/527B", ProgressBar.render(526, 527)); // 99.8% truncates
  }

  @Test
  void unknownTotalsAndOvershootsShowOnlyTheCount() {
    assertEquals("", ProgressBar.render(0, 0));
    assertEquals(" 3.678kB", ProgressBar.render(3678, -1));
    assertEquals("[" + "=".repeat(50) + ">]    1.2kB", ProgressBar.render(1200, 1000));
    assertEquals("[>" + " ".repeat(50) + "]       0B/1kB", ProgressBar.render(0, 1000));
  }
}
