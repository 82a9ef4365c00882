package io.jdocker.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Usage text laid out like the docker CLI's (cobra) help. */
final class DockerHelp {
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
      sb.append("Commands:\n");
      int width = spec.subcommands().keySet().stream().mapToInt(String::length).max().orElse(0);
      String seen = "";
      for (Map.Entry<String, CommandLine> e : new java.util.TreeMap<>(spec.subcommands()).entrySet()) {
        CommandSpec sub = e.getValue().getCommandSpec();
        if (!sub.name().equals(e.getKey()) || sub.name().equals(seen)) {
          continue;
        }
        seen = sub.name();
        String[] d = sub.usageMessage().description();
        sb.append("  ").append(pad(e.getKey(), Math.max(width, 9) + 3)).append(d.length > 0 ? d[0] : "").append('\n');
      }
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
    }
    return sb.toString();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
  }
}
