package io.jdocker.daemon.container;

import static io.jdocker.daemon.container.ContainerStatus.CREATED;
import static io.jdocker.daemon.container.ContainerStatus.DEAD;
import static io.jdocker.daemon.container.ContainerStatus.EXITED;
import static io.jdocker.daemon.container.ContainerStatus.PAUSED;
import static io.jdocker.daemon.container.ContainerStatus.REMOVING;
import static io.jdocker.daemon.container.ContainerStatus.RESTARTING;
import static io.jdocker.daemon.container.ContainerStatus.RUNNING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.errdefs.ConflictException;
import io.jdocker.errdefs.EngineException;
import io.jdocker.errdefs.NotModifiedException;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ContainerStateTest {
  private static final String ID = "c".repeat(64);
  private static final String NAME = "web";
  private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");

  static ContainerState in(ContainerStatus status) {
    long pid = switch (status) {
      case RUNNING, PAUSED -> 77;
      default -> 0;
    };
    Instant started = status == CREATED ? null : T;
    return new ContainerState(status, pid, 9, 0, false, "", started, null, 0, false);
  }

  static Stream<Arguments> legal() {
    return Stream.of(
        Arguments.of(CREATED, new Transition.Started(5, 6, T, false), RUNNING),
        Arguments.of(EXITED, new Transition.Started(5, 6, T, false), RUNNING),
        Arguments.of(RESTARTING, new Transition.Started(5, 6, T, true), RUNNING),
        Arguments.of(CREATED, new Transition.StartFailed(127, "exec: nope", T), CREATED),
        Arguments.of(EXITED, new Transition.StartFailed(126, "permission denied", T), EXITED),
        Arguments.of(RESTARTING, new Transition.StartFailed(127, "gone", T), EXITED),
        Arguments.of(RUNNING, new Transition.Exited(0, false, T), EXITED),
        Arguments.of(PAUSED, new Transition.Exited(137, false, T), EXITED),
        Arguments.of(RESTARTING, new Transition.Exited(1, false, T), EXITED),
        Arguments.of(REMOVING, new Transition.Exited(137, false, T), REMOVING),
        Arguments.of(RUNNING, new Transition.RestartPending(1, false, T), RESTARTING),
        Arguments.of(RUNNING, new Transition.StopRequest(), RUNNING),
        Arguments.of(PAUSED, new Transition.StopRequest(), PAUSED),
        Arguments.of(RUNNING, new Transition.Signal(false), RUNNING),
        Arguments.of(RUNNING, new Transition.Pause(), PAUSED),
        Arguments.of(PAUSED, new Transition.Unpause(), RUNNING),
        Arguments.of(CREATED, new Transition.Remove(false), REMOVING),
        Arguments.of(EXITED, new Transition.Remove(false), REMOVING),
        Arguments.of(DEAD, new Transition.Remove(false), REMOVING),
        Arguments.of(RUNNING, new Transition.Remove(true), REMOVING),
        Arguments.of(PAUSED, new Transition.Remove(true), REMOVING),
        Arguments.of(REMOVING, new Transition.RemovalFailed("device busy"), DEAD));
  }

  @ParameterizedTest(name = "{0} --{1}--> {2}")
  @MethodSource("legal")
  void legalMoves(ContainerStatus from, Transition t, ContainerStatus to) {
    assertEquals(to, in(from).transition(t, ID, NAME).status());
  }

  static Stream<Arguments> illegal() {
    String running = "cannot remove container \"/web\": container is running: stop the container before removing or force remove";
    return Stream.of(
        Arguments.of(RUNNING, new Transition.Started(5, 6, T, false), NotModifiedException.class, "Container is already started"),
        Arguments.of(PAUSED, new Transition.Started(5, 6, T, false), ConflictException.class,
            "cannot start a paused container, try unpause instead"),
        Arguments.of(REMOVING, new Transition.Started(5, 6, T, false), ConflictException.class,
            "container is marked for removal and cannot be started"),
        Arguments.of(DEAD, new Transition.Started(5, 6, T, false), ConflictException.class,
            "container is marked for removal and cannot be started"),
        Arguments.of(EXITED, new Transition.StopRequest(), NotModifiedException.class, "Container is already stopped"),
        Arguments.of(CREATED, new Transition.StopRequest(), NotModifiedException.class, "Container is already stopped"),
        Arguments.of(EXITED, new Transition.Signal(true), ConflictException.class, "container " + ID + " is not running"),
        Arguments.of(EXITED, new Transition.Exited(0, false, T), ConflictException.class, "container " + ID + " is not running"),
        Arguments.of(EXITED, new Transition.Pause(), ConflictException.class, "container " + ID + " is not running"),
        Arguments.of(CREATED, new Transition.Pause(), ConflictException.class, "container " + ID + " is not running"),
        Arguments.of(PAUSED, new Transition.Pause(), ConflictException.class, "container " + ID + " is already paused"),
        Arguments.of(RESTARTING, new Transition.Pause(), ConflictException.class,
            "Container " + ID + " is restarting, wait until the container is running"),
        Arguments.of(RUNNING, new Transition.Unpause(), ConflictException.class, "Container " + ID + " is not paused"),
        Arguments.of(RUNNING, new Transition.Remove(false), ConflictException.class, running),
        Arguments.of(RESTARTING, new Transition.Remove(false), ConflictException.class,
            "cannot remove container \"/web\": container is restarting: stop the container before removing or force remove"),
        Arguments.of(PAUSED, new Transition.Remove(false), ConflictException.class,
            "cannot remove container \"/web\": container is paused and must be unpaused first"),
        Arguments.of(REMOVING, new Transition.Remove(true), ConflictException.class,
            "removal of container web is already in progress"),
        Arguments.of(EXITED, new Transition.RestartPending(1, false, T), ConflictException.class,
            "container " + ID + " is not running"),
        Arguments.of(RUNNING, new Transition.RemovalFailed("x"), ConflictException.class, "container web is not being removed"));
  }

  @ParameterizedTest(name = "{0} --{1}--> {2}")
  @MethodSource("illegal")
  void illegalMovesAreRejectedWithDockersErrors(ContainerStatus from, Transition t,
      Class<? extends EngineException> type, String message) {
    EngineException e = assertThrows(type, () -> in(from).transition(t, ID, NAME));
    assertEquals(message, e.getMessage());
  }

  @Test
  void startRecordsPidAndClearsTheLastRun() {
    ContainerState crashed = new ContainerState(EXITED, 0, 0, 137, true, "old", T, T.plusSeconds(5), 2, true);
    ContainerState s = crashed.transition(new Transition.Started(123, 456, T.plusSeconds(9), false), ID, NAME);
    assertEquals(123, s.pid());
    assertEquals(456, s.pidStartTime());
    assertEquals(0, s.exitCode());
    assertFalse(s.oomKilled());
    assertEquals("", s.error());
    assertEquals(T.plusSeconds(9), s.startedAt());
    assertEquals(T.plusSeconds(5), s.finishedAt(), "FinishedAt keeps the last run, as in Docker");
    assertFalse(s.manuallyStopped(), "a manual start clears the manual stop");
    assertEquals(2, s.restartCount());
  }

  @Test
  void policyRestartsAreCounted() {
    ContainerState s = in(RUNNING).transition(new Transition.RestartPending(1, false, T), ID, NAME);
    assertTrue(s.isRunning(), "Docker reports a restarting container as Running");
    assertEquals(0, s.pid());
    s = s.transition(new Transition.Started(8, 9, T, true), ID, NAME);
    assertEquals(1, s.restartCount());
  }

  @Test
  void exitRecordsCodeOomAndTimeAndDropsThePid() {
    ContainerState s = in(RUNNING).transition(new Transition.Exited(137, true, T.plusSeconds(3)), ID, NAME);
    assertEquals(EXITED, s.status());
    assertEquals(137, s.exitCode());
    assertTrue(s.oomKilled());
    assertEquals(0, s.pid());
    assertEquals(0, s.pidStartTime());
    assertEquals(T.plusSeconds(3), s.finishedAt());
  }

  @Test
  void failedFirstStartStaysCreatedWithTheError() {
    ContainerState s = ContainerState.created().transition(
        new Transition.StartFailed(127, "exec: \"nope\": executable file not found in $PATH", T), ID, NAME);
    assertEquals(CREATED, s.status());
    assertEquals(127, s.exitCode());
    assertNull(s.startedAt());
    assertTrue(s.error().contains("nope"));
  }

  @Test
  void stopAndStoppingSignalsMarkManualStop() {
    assertTrue(in(RUNNING).transition(new Transition.StopRequest(), ID, NAME).manuallyStopped());
    assertTrue(in(RUNNING).transition(new Transition.Signal(true), ID, NAME).manuallyStopped());
    assertFalse(in(RUNNING).transition(new Transition.Signal(false), ID, NAME).manuallyStopped());
  }

  @Test
  void predicates() {
    assertTrue(in(CREATED).canStart());
    assertTrue(in(EXITED).canStart());
    assertFalse(in(RUNNING).canStart());
    assertTrue(in(RUNNING).canStop());
    assertTrue(in(PAUSED).canStop());
    assertFalse(in(EXITED).canStop());
    assertTrue(in(EXITED).canRemove());
    assertFalse(in(RUNNING).canRemove());
    assertTrue(in(RUNNING).canPause());
    assertFalse(in(PAUSED).canPause());
  }
}
