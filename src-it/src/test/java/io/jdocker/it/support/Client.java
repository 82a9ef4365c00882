package io.jdocker.it.support;

import java.util.Locale;

/** The two clients the compatibility tests run with: our CLI and the real docker CLI 28. */
public enum Client {
  JDOCKER,
  DOCKER;

  public Command command(Daemon daemon, String... args) {
    return this == JDOCKER ? daemon.jdockerCommand(args) : daemon.dockerCommand(args);
  }

  public CommandResult run(Daemon daemon, String... args) {
    return command(daemon, args).run();
  }

  /** A lower-case word for names that must not collide between the two runs of a test. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
