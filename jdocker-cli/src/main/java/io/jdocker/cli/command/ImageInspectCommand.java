package io.jdocker.cli.command;

import java.util.List;

/** {@code image inspect}: images only. */
public final class ImageInspectCommand extends ApiCommand {
  private final Flag<String> format = string("-f,--format", "string", Formats.SINGLE);

  public ImageInspectCommand() {
    super("[OPTIONS] IMAGE [IMAGE...]", "Display detailed information on one or more images");
  }

  @Override
  public Integer call() {
    List<String> args = atLeast(1);
    return new Inspector(client(), List.of(Inspector.Kind.IMAGE), false).run(args, format.value(), out(), err());
  }
}
