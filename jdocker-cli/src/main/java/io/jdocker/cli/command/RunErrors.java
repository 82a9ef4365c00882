package io.jdocker.cli.command;

import io.jdocker.cli.CliException;
import io.jdocker.cli.ExitCodes;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How {@code run}, {@code create} and {@code start} report failures: docker's
 * {@code jdocker: <message>\n\nRun 'jdocker run --help' for more information}, exit 125, except
 * that a start failure naming a missing or non-executable command ends with 127 or 126.
 */
final class RunErrors {
  private RunErrors() {}

  static CliException daemon(CommandSpec spec, String message) {
    return report(spec, "Error response from daemon: " + message, ExitCodes.CLI_ERROR);
  }

  static CliException report(CommandSpec spec, String message, int status) {
    String path = spec.qualifiedName(" ");
    return new CliException(spec.root().name() + ": " + message + "\n\nRun '" + path + " --help' for more information", status);
  }

  /** docker's runStartContainerErr: the container's command could not be run. */
  static CliException start(CommandSpec spec, String message) {
    int status = ExitCodes.CLI_ERROR;
    if (message.contains("executable file not found") || message.contains("no such file or directory")
        || message.contains("system cannot find the file specified")) {
      status = 127;
    } else if (message.contains("permission denied") || message.contains("is a directory")) {
      status = 126;
    }
    return report(spec, "Error response from daemon: " + message, status);
  }
}
