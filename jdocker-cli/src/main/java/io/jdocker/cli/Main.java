package io.jdocker.cli;

import io.jdocker.cli.client.CannotConnectException;
import io.jdocker.cli.client.DaemonException;
import io.jdocker.cli.command.UsageException;
import io.jdocker.cli.format.TemplateException;
import io.jdocker.cli.json.JsonException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Entry point: parses, runs one command and maps failures to docker's messages and exit codes. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    CliEnvironment env = CliEnvironment.system();
    int status = run(args, env);
    env.out().flush();
    System.exit(status);
  }

  public static int run(String[] args, CliEnvironment env) {
    JdockerCli cli = new JdockerCli(env);
    CommandTree tree = new CommandTree(cli, args);
    try {
      ParseResult parsed;
      try {
        parsed = tree.root().parseArgs(args);
      } catch (ParameterException e) {
        return flagError(e, env);
      }
      List<CommandLine> chain = parsed.asCommandLineList();
      CommandLine leaf = chain.getLast();
      CommandSpec spec = leaf.getCommandSpec();
      if (cli.versionRequested() && chain.size() == 1) {
        env.out().println("jdocker version 0.1.0");
        return ExitCodes.OK;
      }
      Object command = spec.userObject();
      if (leaf.isUsageHelpRequested() || !(command instanceof Callable<?>)) {
        env.out().print(DockerHelp.render(spec, tree.aliasesOf(command.getClass())));
        return ExitCodes.OK;
      }
      Object result = ((Callable<?>) command).call();
      return result instanceof Integer code ? code : ExitCodes.OK;
    } catch (UsageException e) {
      if (e.flagError()) {
        return usage(e.getMessage(), e.command(), env);
      }
      String path = e.command().qualifiedName(" ");
      env.err().println(e.command().root().name() + ": " + e.getMessage() + "\n\n" + DockerHelp.usageLine(e.command())
          + "\n\n" + (e.seeHint() ? "See" : "Run") + " '" + path + " --help' for more information");
      return ExitCodes.FAILURE;
    } catch (DaemonException e) {
      env.err().println("Error response from daemon: " + e.getMessage());
      return ExitCodes.FAILURE;
    } catch (CannotConnectException | CliException | TemplateException e) {
      env.err().println(e.getMessage());
      return e instanceof CliException c ? c.exitCode() : ExitCodes.FAILURE;
    } catch (UncheckedIOException e) {
      env.err().println("error during connect: " + e.getCause().getMessage());
      return ExitCodes.FAILURE;
    } catch (IllegalArgumentException e) {
      env.err().println(e.getMessage());
      return ExitCodes.FAILURE;
    } catch (JsonException e) {
      env.err().println("Error: invalid JSON from the daemon: " + e.getMessage());
      return ExitCodes.FAILURE;
    } catch (Exception e) {
      env.err().println("Error: " + e);
      return ExitCodes.FAILURE;
    } finally {
      env.out().flush();
      cli.closeClient();
    }
  }

  private static int flagError(ParameterException e, CliEnvironment env) {
    CommandSpec spec = e.getCommandLine().getCommandSpec();
    String root = spec.root().name();
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      String first = unmatched.getUnmatched().getFirst();
      if (!first.startsWith("-")) {
        env.err().println(root + ": unknown command: " + spec.qualifiedName(" ") + " " + first
            + "\n\nRun '" + spec.qualifiedName(" ") + " --help' for more information");
        return ExitCodes.FAILURE;
      }
      String message = first.startsWith("--") ? "unknown flag: " + first.replaceFirst("=.*$", "")
          : "unknown shorthand flag: '" + first.charAt(1) + "' in " + first;
      return usage(message, spec, env);
    }
    String message = e.getMessage();
    if (e instanceof CommandLine.MissingParameterException || message.startsWith("Missing required parameter")) {
      message = "flag needs an argument: " + message.replaceAll(".*'(.*)'.*", "$1");
    } else if (message.startsWith("Expected parameter for option")) {
      message = "flag needs an argument: " + message.replaceAll(".*'(--?[\\w-]+)'.*", "$1");
    }
    return usage(message, spec, env);
  }

  private static int usage(String message, CommandSpec spec, CliEnvironment env) {
    env.err().println(message + "\n\n" + DockerHelp.usageLine(spec) + "\n\nRun '" + spec.qualifiedName(" ")
        + " --help' for more information");
    return ExitCodes.CLI_ERROR;
  }
}
