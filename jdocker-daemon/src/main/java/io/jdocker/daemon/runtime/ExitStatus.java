package io.jdocker.daemon.runtime;

import java.time.Instant;

/**
 * How a container ended.
 *
 * @param exitCode the command's exit code, 128+N when signal N killed it; for an adopted container
 *     whose code nobody could observe, {@link #UNKNOWN_EXIT_CODE}
 * @param oomKilled the kernel's OOM killer hit a process of the container (its memory cgroup said so)
 */
public record ExitStatus(int exitCode, boolean oomKilled, Instant finishedAt) {
  /** What dockerd records when the exit code was lost (e.g. the process died while it was down). */
  public static final int UNKNOWN_EXIT_CODE = 255;
}
