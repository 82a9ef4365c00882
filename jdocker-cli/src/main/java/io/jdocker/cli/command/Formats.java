package io.jdocker.cli.command;

/** The --format help text the docker CLI shows for list commands. */
final class Formats {
  static final String HELP = "Format output using a custom template:%n"
      + "'table':            Print output in table format%nwith column headers (default)%n"
      + "'table TEMPLATE':   Print output in table format%nusing the given Go template%n"
      + "'json':             Print in JSON format%n"
      + "'TEMPLATE':         Print output using the given%nGo template.%n"
      + "Refer to https://docs.docker.com/go/formatting/%nfor more information about formatting output with%ntemplates";
  static final String SINGLE = "Format output using a custom template:%n"
      + "'json':             Print in JSON format%n"
      + "'TEMPLATE':         Print output using the given%nGo template.%n"
      + "Refer to https://docs.docker.com/go/formatting/%nfor more information about formatting output with%ntemplates";

  private Formats() {}
}
