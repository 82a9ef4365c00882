package io.jdocker.cli.training;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TrainingMainTest {
  /** scripts/cli-aot.sh depends on this run finishing by itself; the timeout only guards against a hang. */
  @Test
  @Timeout(120)
  void trainingRunCompletesWithoutADaemon() {
    assertDoesNotThrow(() -> TrainingMain.main(new String[0]));
  }
}
