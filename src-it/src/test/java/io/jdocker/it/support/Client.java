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

  /** The same invocation as a shell command line, for a terminal (tmux) to run. */
  public String shellCommand(Daemon daemon, String... args) {
    java.util.List<String> argv = new java.util.ArrayList<>();
    argv.add("DOCKER_CONFIG=" + daemon.clientConfigDir());
    argv.add(this == JDOCKER ? Tools.jdocker().toString() : Tools.docker().toString());
    argv.add("-H");
    argv.add(daemon.host());
    argv.addAll(java.util.List.of(args));
    StringBuilder line = new StringBuilder();
    for (String arg : argv) {
      line.append(line.isEmpty() ? "" : " ");
      line.append(arg.matches("[A-Za-z0-9_./:=@%+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
    }
    return line.toString();
  }

  /** A lower-case word for names that must not collide between the two runs of a test. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
