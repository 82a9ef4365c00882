package io.jdocker.daemon.container;

import java.util.Locale;

/** Docker's container states, as {@code State.Status} and the {@code status} filter name them. */
public enum ContainerStatus {
  CREATED,
  RUNNING,
  PAUSED,
  RESTARTING,
  REMOVING,
  EXITED,
  DEAD;

  /** "created", "running", ...: the wire name. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static boolean isWireName(String s) {
    for (ContainerStatus status : values()) {
      if (status.wireName().equals(s)) {
        return true;
      }
    }
    return false;
  }
}
