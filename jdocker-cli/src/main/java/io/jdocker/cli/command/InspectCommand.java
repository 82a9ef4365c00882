package io.jdocker.cli.command;

import io.jdocker.cli.CliException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code inspect}: any object, looked up as container, image, network, volume, then plugin. */
public final class InspectCommand extends ApiCommand {
  private final Flag<String> format = string("-f,--format", "string", Formats.SINGLE);
  private final Flag<Boolean> size = bool("-s,--size", "Display total file sizes if the type is container");
  private final Flag<String> type = string("--type", "string", "Only inspect objects of the given type");

  public InspectCommand() {
    super("[OPTIONS] NAME|ID [NAME|ID...]", "Return low-level information on Docker objects");
  }

  @Override
  public Integer call() {
    List<String> args = atLeast(1);
    List<Inspector.Kind> kinds = Arrays.asList(Inspector.Kind.values());
    String wanted = type.value();
    if (wanted != null && !wanted.isEmpty()) {
      kinds = Arrays.stream(Inspector.Kind.values()).filter(k -> k.word.equals(wanted.toLowerCase(Locale.ROOT))).toList();
      if (kinds.isEmpty()) {
        throw new CliException("unknown type: \"" + wanted + "\": must be one of \"config\", \"container\", \"image\", "
            + "\"network\", \"node\", \"plugin\", \"secret\", \"service\", \"task\", \"volume\"");
      }
    }
    return new Inspector(client(), kinds, size.value()).run(args, format.value(), out(), err());
  }
}
