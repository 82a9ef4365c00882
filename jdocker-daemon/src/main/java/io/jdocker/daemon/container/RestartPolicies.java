package io.jdocker.daemon.container;

import io.jdocker.daemon.api.types.container.RestartPolicy;
import io.jdocker.errdefs.InvalidParameterException;

/** Restart policies: parsing the CLI form, dockerd's validation, and the decision after an exit. */
public final class RestartPolicies {
  private RestartPolicies() {}

  /** {@code no}, {@code always}, {@code unless-stopped}, {@code on-failure[:N]} (docker/cli's ParseRestartPolicy). */
  public static RestartPolicy parse(String text) {
    String value = text == null ? "" : text;
    int colon = value.indexOf(':');
    String name = colon < 0 ? value : value.substring(0, colon);
    String count = colon < 0 ? "" : value.substring(colon + 1);
    if (colon >= 0 && name.isEmpty()) {
      throw new InvalidParameterException("invalid restart policy format: no policy provided before colon");
    }
    int max = 0;
    if (!count.isEmpty()) {
      try {
        max = Integer.parseInt(count);
      } catch (NumberFormatException e) {
        throw new InvalidParameterException("invalid restart policy format: maximum retry count must be an integer");
      }
    }
    return new RestartPolicy(name, max);
  }

  /** dockerd's {@code ValidateRestartPolicy} plus its AutoRemove rule, with its texts. */
  public static void validate(RestartPolicy policy, boolean autoRemove) {
    switch (policy.name()) {
      case "always", "unless-stopped", "no" -> {
        if (policy.maximumRetryCount() != 0) {
          String msg = "invalid restart policy: maximum retry count can only be used with 'on-failure'";
          throw new InvalidParameterException(policy.maximumRetryCount() < 0 ? msg + " and cannot be negative" : msg);
        }
      }
      case "on-failure" -> {
        if (policy.maximumRetryCount() < 0) {
          throw new InvalidParameterException("invalid restart policy: maximum retry count cannot be negative");
        }
      }
      case "" -> { }
      default -> throw new InvalidParameterException("invalid restart policy: unknown policy '" + policy.name()
          + "'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'");
    }
    if (autoRemove && !policy.isNone()) {
      throw new InvalidParameterException("can't create 'AutoRemove' container with restart policy");
    }
  }

  /**
   * Should a container whose process just exited be started again? {@code restartCount} is the
   * number of policy restarts so far; a manual stop ends every policy.
   */
  public static boolean shouldRestart(RestartPolicy policy, int exitCode, int restartCount, boolean manuallyStopped) {
    if (manuallyStopped) {
      return false;
    }
    return switch (policy.name()) {
      case "always", "unless-stopped" -> true;
      case "on-failure" -> exitCode != 0
          && (policy.maximumRetryCount() == 0 || restartCount < policy.maximumRetryCount());
      default -> false;
    };
  }

  /**
   * At daemon start-up, for a container that is not running (dockerd's restore with a fresh
   * restart manager): "always" even after a manual stop (Docker's documented behaviour),
   * "unless-stopped" unless stopped by hand, "on-failure" after a non-zero exit.
   */
  public static boolean shouldStartOnBoot(RestartPolicy policy, ContainerState state) {
    return switch (policy.name()) {
      case "always" -> true;
      case "unless-stopped" -> !state.manuallyStopped();
      case "on-failure" -> state.exitCode() != 0;
      default -> false;
    };
  }
}
