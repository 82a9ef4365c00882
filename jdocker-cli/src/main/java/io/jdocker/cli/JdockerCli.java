package io.jdocker.cli;

import io.jdocker.cli.client.ApiClient;
import io.jdocker.cli.client.DockerHost;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The root command: global options and the shared daemon connection of one invocation. */
public final class JdockerCli {
  private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);
  private final OptionSpec host = value("-H,--host", "list", "Daemon socket to connect to");
  private final OptionSpec debug = flag("-D,--debug", "Enable debug mode");
  private final OptionSpec logLevel = value("-l,--log-level", "string",
      "Set the logging level (\"debug\", \"info\", \"warn\", \"error\",%n\"fatal\") (default \"info\")");
  private final OptionSpec config = value("--config", "string", "Location of client config files");
  private final OptionSpec version = flag("-v,--version", "Print version information and quit");
  private final CliEnvironment environment;
  private ApiClient client;

  public JdockerCli(CliEnvironment environment) {
    this.environment = environment;
    spec.name("jdocker").usageMessage().description("A self-sufficient runtime for containers");
    spec.addOption(OptionSpec.builder("--help").usageHelp(true).hidden(true).build());
  }

  private OptionSpec value(String names, String label, String description) {
    OptionSpec o = OptionSpec.builder(names.split(",")).type(String.class).paramLabel(label).description(description).build();
    spec.addOption(o);
    return o;
  }

  private OptionSpec flag(String names, String description) {
    OptionSpec o = OptionSpec.builder(names.split(",")).type(boolean.class).arity("0").description(description).build();
    spec.addOption(o);
    return o;
  }

  CommandSpec spec() {
    return spec;
  }

  public boolean debug() {
    return Boolean.TRUE.equals(debug.getValue());
  }

  boolean versionRequested() {
    return Boolean.TRUE.equals(version.getValue());
  }

  /** The {@code --config} directory, or null. */
  public String configFlag() {
    return config.getValue();
  }

  public CliEnvironment environment() {
    return environment;
  }

  /** The daemon connection, opened on first use. */
  public ApiClient client() {
    if (client == null) {
      DockerHost target = DockerHost.select(host.getValue(), environment.env());
      client = new ApiClient(target, environment.env().get("DOCKER_API_VERSION"));
    }
    return client;
  }

  void closeClient() {
    if (client != null) {
      client.close();
    }
  }
}
