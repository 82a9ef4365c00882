package io.jdocker.daemon.runtime;

import io.jdocker.errdefs.InvalidParameterException;

/** How the container's network namespace is made; bridge wiring itself comes with the network code. */
public enum NetworkMode {
  /** A new network namespace with only {@code lo}. */
  NONE,
  /** The host's network namespace, /etc/hosts and /etc/resolv.conf. */
  HOST,
  /** A new network namespace; for now, like {@link #NONE}, it only gets {@code lo}. */
  BRIDGE;

  /** HostConfig.NetworkMode: "", "default", "bridge", "none", "host" or a network name. */
  public static NetworkMode parse(String mode) {
    if (mode == null) {
      return BRIDGE;
    }
    return switch (mode) {
      case "none" -> NONE;
      case "host" -> HOST;
      default -> {
        if (mode.startsWith("container:")) {
          throw new InvalidParameterException("network mode " + mode + " is not supported yet");
        }
        yield BRIDGE;
      }
    };
  }

  public boolean ownNamespace() {
    return this != HOST;
  }
}
