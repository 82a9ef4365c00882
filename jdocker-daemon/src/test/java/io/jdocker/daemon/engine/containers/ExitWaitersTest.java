package io.jdocker.daemon.engine.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jdocker.daemon.container.ContainerId;
import io.jdocker.daemon.container.WaitCondition;
import org.junit.jupiter.api.Test;

class ExitWaitersTest {
  private final ContainerId id = ContainerId.of("a".repeat(64));

  @Test
  void exitAnswersExitWaitersAndRemovalAnswersTheRest() throws Exception {
    ExitWaiters w = new ExitWaiters();
    var next = w.add(id, WaitCondition.NEXT_EXIT);
    var removed = w.add(id, WaitCondition.REMOVED);
    w.exited(id, 7);
    assertEquals(7, next.get().statusCode());
    assertFalse(removed.isDone());
    w.removed(id, 7);
    assertEquals(7, removed.get().statusCode());
    assertEquals(0, w.count(id));
  }

  @Test
  void aCancelledWaiterIsReleased() {
    ExitWaiters w = new ExitWaiters();
    var f = w.add(id, WaitCondition.NOT_RUNNING);
    assertEquals(1, w.count(id));
    f.cancel(false);
    assertEquals(0, w.count(id));
  }
}
