package io.jdocker.daemon.container;

import static io.jdocker.daemon.container.ContainerStatus.CREATED;
import static io.jdocker.daemon.container.ContainerStatus.DEAD;
import static io.jdocker.daemon.container.ContainerStatus.EXITED;
import static io.jdocker.daemon.container.ContainerStatus.PAUSED;
import static io.jdocker.daemon.container.ContainerStatus.REMOVING;
import static io.jdocker.daemon.container.ContainerStatus.RESTARTING;
import static io.jdocker.daemon.container.ContainerStatus.RUNNING;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.jdocker.errdefs.ConflictException;
import io.jdocker.errdefs.NotModifiedException;
import java.time.Instant;

/**
 * A container's runtime state. {@code pid} and {@code pidStartTime} identify the init process
 * across daemon restarts (a reused PID has another start time). {@code startedAt == null} means
 * never started, which is what makes a container "created" rather than "exited".
 */
public record ContainerState(
    @JsonProperty("Status") ContainerStatus status,
    @JsonProperty("Pid") long pid,
    @JsonProperty("PidStartTime") long pidStartTime,
    @JsonProperty("ExitCode") int exitCode,
    @JsonProperty("OOMKilled") boolean oomKilled,
    @JsonProperty("Error") String error,
    @JsonProperty("StartedAt") @JsonSerialize(using = GoTime.Writer.class, nullsUsing = GoTime.Writer.class) @JsonDeserialize(using = GoTime.Reader.class)
        Instant startedAt,
    @JsonProperty("FinishedAt") @JsonSerialize(using = GoTime.Writer.class, nullsUsing = GoTime.Writer.class) @JsonDeserialize(using = GoTime.Reader.class)
        Instant finishedAt,
    @JsonProperty("RestartCount") int restartCount,
    @JsonProperty("HasBeenManuallyStopped") boolean manuallyStopped) {

  public ContainerState {
    status = status == null ? CREATED : status;
    error = error == null ? "" : error;
  }

  public static ContainerState created() {
    return new ContainerState(CREATED, 0, 0, 0, false, "", null, null, 0, false);
  }

  @JsonIgnore
  public boolean canStart() {
    return status == CREATED || status == EXITED || status == RESTARTING;
  }

  @JsonIgnore
  public boolean canStop() {
    return isRunning();
  }

  /** Without force: only containers that are not running. */
  @JsonIgnore
  public boolean canRemove() {
    return status == CREATED || status == EXITED || status == DEAD;
  }

  @JsonIgnore
  public boolean canPause() {
    return status == RUNNING;
  }

  /** Docker's {@code Running}: also true while paused or restarting. */
  @JsonIgnore
  public boolean isRunning() {
    return status == RUNNING || status == PAUSED || status == RESTARTING || (status == REMOVING && pid != 0);
  }

  /**
   * The state after {@code t}, or Docker's error for an illegal move. {@code id} and {@code name}
   * (without the slash) only feed the messages.
   */
  public ContainerState transition(Transition t, String id, String name) {
    return switch (t) {
      case Transition.Started s -> started(s);
      case Transition.StartFailed f -> startFailed(f);
      case Transition.Exited e -> exited(e, id);
      case Transition.RestartPending r -> restartPending(r, id);
      case Transition.StopRequest ignored -> stopRequested();
      case Transition.Signal s -> signalled(s, id);
      case Transition.Pause ignored -> paused(id);
      case Transition.Unpause ignored -> unpaused(id);
      case Transition.Remove r -> removing(r, name);
      case Transition.RemovalFailed f -> removalFailed(f, name);
    };
  }

  private ContainerState started(Transition.Started s) {
    checkStartable();
    int restarts = s.byRestartPolicy() ? restartCount + 1 : restartCount;
    boolean manual = s.byRestartPolicy() && manuallyStopped;
    return new ContainerState(RUNNING, s.pid(), s.pidStartTime(), 0, false, "", s.at(), finishedAt, restarts, manual);
  }

  private ContainerState startFailed(Transition.StartFailed f) {
    checkStartable();
    ContainerStatus next = status == RESTARTING ? EXITED : status;
    Instant finished = status == RESTARTING ? f.at() : finishedAt;
    return new ContainerState(next, 0, 0, f.exitCode(), false, f.error(), startedAt, finished, restartCount,
        manuallyStopped);
  }

  private void checkStartable() {
    switch (status) {
      case PAUSED -> throw new ConflictException("cannot start a paused container, try unpause instead");
      case RUNNING -> throw new NotModifiedException("Container is already started");
      case REMOVING, DEAD -> throw new ConflictException("container is marked for removal and cannot be started");
      default -> { }
    }
  }

  private ContainerState exited(Transition.Exited e, String id) {
    if (!isRunning() && status != REMOVING) {
      throw notRunning(id);
    }
    ContainerStatus next = status == REMOVING ? REMOVING : EXITED;
    return new ContainerState(next, 0, 0, e.exitCode(), e.oomKilled(), error, startedAt, e.at(), restartCount,
        manuallyStopped);
  }

  private ContainerState restartPending(Transition.RestartPending r, String id) {
    if (status != RUNNING && status != PAUSED) {
      throw notRunning(id);
    }
    return new ContainerState(RESTARTING, 0, 0, r.exitCode(), r.oomKilled(), error, startedAt, r.at(), restartCount,
        manuallyStopped);
  }

  private ContainerState stopRequested() {
    if (!isRunning()) {
      throw new NotModifiedException("Container is already stopped");
    }
    return withManuallyStopped();
  }

  private ContainerState signalled(Transition.Signal s, String id) {
    if (!isRunning()) {
      throw notRunning(id);
    }
    return s.stopping() ? withManuallyStopped() : this;
  }

  private ContainerState paused(String id) {
    return switch (status) {
      case RUNNING -> withStatus(PAUSED);
      case PAUSED -> throw new ConflictException("container " + id + " is already paused");
      case RESTARTING -> throw new ConflictException(
          "Container " + id + " is restarting, wait until the container is running");
      default -> throw notRunning(id);
    };
  }

  private ContainerState unpaused(String id) {
    if (status != PAUSED) {
      throw new ConflictException("Container " + id + " is not paused");
    }
    return withStatus(RUNNING);
  }

  private ContainerState removing(Transition.Remove r, String name) {
    String quoted = "\"" + ContainerName.display(name) + "\"";
    switch (status) {
      case REMOVING -> throw new ConflictException("removal of container " + name + " is already in progress");
      case PAUSED -> {
        if (!r.force()) {
          throw new ConflictException("cannot remove container " + quoted + ": container is paused and must be unpaused first");
        }
      }
      case RUNNING, RESTARTING -> {
        if (!r.force()) {
          throw new ConflictException("cannot remove container " + quoted + ": container is " + status.wireName()
              + ": stop the container before removing or force remove");
        }
      }
      default -> { }
    }
    return withStatus(REMOVING);
  }

  private ContainerState removalFailed(Transition.RemovalFailed f, String name) {
    if (status != REMOVING) {
      throw new ConflictException("container " + name + " is not being removed");
    }
    return new ContainerState(DEAD, pid, pidStartTime, exitCode, oomKilled, f.error(), startedAt, finishedAt,
        restartCount, manuallyStopped);
  }

  private static ConflictException notRunning(String id) {
    return new ConflictException("container " + id + " is not running");
  }

  private ContainerState withStatus(ContainerStatus next) {
    return new ContainerState(next, pid, pidStartTime, exitCode, oomKilled, error, startedAt, finishedAt, restartCount,
        manuallyStopped);
  }

  private ContainerState withManuallyStopped() {
    return new ContainerState(status, pid, pidStartTime, exitCode, oomKilled, error, startedAt, finishedAt,
        restartCount, true);
  }
}
