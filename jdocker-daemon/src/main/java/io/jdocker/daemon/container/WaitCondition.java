package io.jdocker.daemon.container;

import io.jdocker.errdefs.InvalidParameterException;

/** {@code POST /containers/{id}/wait?condition=}: when the answer is due. */
public enum WaitCondition {
  /** At once if the container is not running, else at its next exit. */
  NOT_RUNNING,
  /** At the container's next exit, even if it is not running now. */
  NEXT_EXIT,
  /** When the container has been removed. */
  REMOVED;

  /** dockerd's values; empty means not-running. */
  public static WaitCondition parse(String value) {
    return switch (value == null ? "" : value) {
      case "", "not-running" -> NOT_RUNNING;
      case "next-exit" -> NEXT_EXIT;
      case "removed" -> REMOVED;
      default -> throw new InvalidParameterException("invalid condition: \"" + value + "\"");
    };
  }
}
