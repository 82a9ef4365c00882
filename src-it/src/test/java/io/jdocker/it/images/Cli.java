package io.jdocker.it.images;

import io.jdocker.it.support.Command;
import io.jdocker.it.support.CommandResult;
import io.jdocker.it.support.Daemon;

/** The two clients every image test runs with: our CLI and the real docker CLI 28. */
enum Cli {
  JDOCKER,
  DOCKER;

  Command command(Daemon daemon, String... args) {
    return this == JDOCKER ? daemon.jdockerCommand(args) : daemon.dockerCommand(args);
  }

  CommandResult run(Daemon daemon, String... args) {
    return command(daemon, args).run();
  }
}
