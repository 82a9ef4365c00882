package io.jdocker.cli.command;

import io.jdocker.cli.CliEnvironment;
import io.jdocker.cli.JdockerCli;
import io.jdocker.cli.client.ApiClient;
import io.jdocker.cli.config.DockerConfigFile;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Base of every subcommand: declares its flags, holds the parsed values, and reaches the
 * environment and the daemon. Subclasses only declare options and delegate the work.
 */
public abstract class ApiCommand implements Callable<Integer> {
  private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);
  private final PositionalParamSpec positional;

  protected ApiCommand(String synopsis, String description) {
    this(synopsis, description, description);
  }

  /** {@code summary} is the line of the command lists, {@code description} the text of its own help. */
  protected ApiCommand(String synopsis, String summary, String description) {
    spec.usageMessage().customSynopsis(synopsis).description(description).header(summary);
    spec.addOption(OptionSpec.builder("--help").usageHelp(true).hidden(true).description("Print usage").build());
    positional = PositionalParamSpec.builder().arity("0..*").type(List.class).auxiliaryTypes(String.class)
        .hidden(true).initialValue(new ArrayList<String>()).build();
    spec.addPositional(positional);
  }

  public CommandSpec spec() {
    return spec;
  }

  /** A boolean switch, false unless given. */
  protected Flag<Boolean> bool(String names, String description) {
    return add(OptionSpec.builder(names.split(",")).type(boolean.class).arity("0").description(description), false);
  }

  /** A boolean switch that may also be given a value ({@code -H=false}). */
  protected Flag<Boolean> bool(String names, String description, boolean defaultValue) {
    OptionSpec.Builder b = OptionSpec.builder(names.split(",")).type(boolean.class).arity("0..1")
        .fallbackValue("true").defaultValue(String.valueOf(defaultValue)).description(description);
    return add(b, defaultValue);
  }

  protected Flag<String> string(String names, String label, String description) {
    return add(OptionSpec.builder(names.split(",")).type(String.class).paramLabel(label).description(description), null);
  }

  /** A flag left out of the help, as docker hides flags the daemon's API version does not support. */
  protected Flag<String> hiddenString(String names, String label, String description) {
    return add(OptionSpec.builder(names.split(",")).type(String.class).paramLabel(label).description(description).hidden(true), null);
  }

  /** A flag that may be repeated ({@code -f a=1 -f b=2}). */
  protected Flag<List<String>> list(String names, String label, String description) {
    OptionSpec.Builder b = OptionSpec.builder(names.split(",")).type(List.class).auxiliaryTypes(String.class)
        .paramLabel(label).description(description);
    return add(b, List.of());
  }

  private <T> Flag<T> add(OptionSpec.Builder builder, T absent) {
    OptionSpec option = builder.build();
    spec.addOption(option);
    return new Flag<>(option, absent);
  }

  /** The positional arguments. */
  protected List<String> args() {
    List<String> v = positional.getValue();
    return v == null ? List.of() : v;
  }

  protected JdockerCli cli() {
    return (JdockerCli) spec.root().userObject();
  }

  protected CliEnvironment env() {
    return cli().environment();
  }

  protected ApiClient client() {
    return cli().client();
  }

  /** The docker CLI's config file (registry credentials), read afresh. */
  protected DockerConfigFile dockerConfig() {
    return DockerConfigFile.load(DockerConfigFile.directory(cli().configFlag(), env().env()), err());
  }

  protected PrintStream out() {
    return env().out();
  }

  protected PrintStream err() {
    return env().err();
  }

  private String name() {
    return "'" + spec.qualifiedName(" ") + "'";
  }

  private static String arguments(int n) {
    return n + " argument" + (n == 1 ? "" : "s");
  }

  protected List<String> noArgs() {
    if (!args().isEmpty()) {
      throw new UsageException(spec, name() + " accepts no arguments");
    }
    return args();
  }

  protected List<String> exactly(int n) {
    if (args().size() != n) {
      throw new UsageException(spec, name() + " requires " + arguments(n));
    }
    return args();
  }

  protected List<String> atLeast(int n) {
    if (args().size() < n) {
      throw new UsageException(spec, name() + " requires at least " + arguments(n)).withSeeHint();
    }
    return args();
  }

  protected List<String> atMost(int n) {
    if (args().size() > n) {
      throw new UsageException(spec, name() + " requires at most " + arguments(n));
    }
    return args();
  }

  protected List<String> between(int min, int max) {
    if (args().size() < min || args().size() > max) {
      throw new UsageException(spec, name() + " requires at least " + min + " and at most " + arguments(max));
    }
    return args();
  }
}
