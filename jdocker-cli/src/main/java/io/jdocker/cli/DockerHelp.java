package io.jdocker.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Usage text laid out like the docker CLI's (cobra) help. */
final class DockerHelp {
  /** The root's "Common Commands", in docker's order. */
  private static final List<String> COMMON = List.of("run", "exec", "ps", "build", "pull", "push", "images", "login",
      "logout", "search", "version", "info");

  private DockerHelp() {}

  /** "Usage:  jdocker images [OPTIONS] [REPOSITORY[:TAG]]". */
  static String usageLine(CommandSpec spec) {
    if (!spec.subcommands().isEmpty()) {
      return "Usage:  " + spec.qualifiedName(" ") + (spec.parent() == null ? " [OPTIONS] COMMAND" : " COMMAND");
    }
    String[] synopsis = spec.usageMessage().customSynopsis();
    String args = synopsis.length > 0 ? " " + synopsis[0] : "";
    return "Usage:  " + spec.qualifiedName(" ") + args;
  }

  static String render(CommandSpec spec, List<String> aliases) {
    StringBuilder sb = new StringBuilder();
    sb.append(usageLine(spec)).append("\n\n");
    String[] description = spec.usageMessage().description();
    if (description.length > 0) {
      sb.append(description[0]).append("\n\n");
    }
    if (aliases.size() > 1) {
      String root = spec.root().name();
      List<String> ordered = new ArrayList<>(aliases);
      ordered.sort(Comparator.comparing((String a) -> !a.contains(" ")));
      sb.append("Aliases:\n  ").append(String.join(", ", ordered.stream().map(a -> root + " " + a).toList())).append("\n\n");
    }
    if (!spec.subcommands().isEmpty()) {
      commandLists(sb, spec);
    }
    List<String[]> rows = new ArrayList<>();
    for (OptionSpec option : spec.options()) {
      if (option.hidden()) {
        continue;
      }
      String shortName = "";
      String longName = "";
      for (String name : option.names()) {
        if (name.startsWith("--")) {
          longName = name;
        } else {
          shortName = name;
        }
      }
      String flag = (shortName.isEmpty() ? "    " : shortName + ", ") + longName;
      if (!option.typeInfo().isBoolean()) {
        flag += " " + option.paramLabel();
      }
      rows.add(new String[] {"  " + flag, String.join("\n", option.description()).formatted()});
    }
    if (!rows.isEmpty()) {
      sb.append(spec.subcommands().isEmpty() ? "" : "\n").append(spec.parent() == null ? "Global Options:\n" : "Options:\n");
      int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0) + 3;
      for (String[] row : rows) {
        String[] lines = row[1].split("\n");
        sb.append(pad(row[0], width)).append(lines[0]).append('\n');
        for (int i = 1; i < lines.length; i++) {
          sb.append(" ".repeat(width)).append(lines[i]).append('\n');
        }
      }
    }
    if (!spec.subcommands().isEmpty()) {
      sb.append("\nRun '").append(spec.qualifiedName(" ")).append(" COMMAND --help' for more information on a command.\n");
    } else if (rows.isEmpty()) {
      sb.setLength(sb.length() - 1); // cobra ends a help without flags right after the description
    }
    return sb.toString();
  }

  /**
   * The subcommands, one line each with their summary. The root lists them in docker's sections:
   * its common commands in docker's order, then the management groups, then the rest by name.
   */
  private static void commandLists(StringBuilder sb, CommandSpec spec) {
    Map<String, CommandSpec> commands = new TreeMap<>();
    spec.subcommands().forEach((name, line) -> {
      if (line.getCommandSpec().name().equals(name)) {
        commands.put(name, line.getCommandSpec()); // aliases are not listed
      }
    });
    int width = Math.max(commands.keySet().stream().mapToInt(String::length).max().orElse(0), 9) + 3;
    if (spec.parent() != null) {
      commandList(sb, "Commands:", commands.values(), width);
      return;
    }
    List<CommandSpec> common = new ArrayList<>();
    for (String name : COMMON) {
      if (commands.containsKey(name)) {
        common.add(commands.remove(name));
      }
    }
    List<CommandSpec> management = commands.values().stream().filter(c -> !c.subcommands().isEmpty()).toList();
    List<CommandSpec> rest = commands.values().stream().filter(c -> c.subcommands().isEmpty()).toList();
    commandList(sb, "Common Commands:", common, width);
    sb.append('\n');
    commandList(sb, "Management Commands:", management, width);
    sb.append('\n');
    commandList(sb, "Commands:", rest, width);
  }

  private static void commandList(StringBuilder sb, String title, Iterable<CommandSpec> commands, int width) {
    sb.append(title).append('\n');
    for (CommandSpec command : commands) {
      sb.append("  ").append(pad(command.name(), width)).append(summary(command)).append('\n');
    }
  }

  /** The first line of the command's summary (its help may say more). */
  private static String summary(CommandSpec command) {
    String[] header = command.usageMessage().header();
    String[] description = command.usageMessage().description();
    String text = header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
  }
}
