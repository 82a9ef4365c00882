package io.jdocker.cli.command;

import java.util.List;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A command's option, declared through picocli's programmatic model. Annotations are avoided on
 * purpose: reading each annotation type makes the JVM generate a proxy class at run time, which
 * the AOT cache cannot archive and which cost most of the CLI's start-up.
 */
public final class Flag<T> {
  private final OptionSpec option;
  private final T absent;

  Flag(OptionSpec option, T absent) {
    this.option = option;
    this.absent = absent;
  }

  OptionSpec option() {
    return option;
  }

  /** The parsed value, or the default when the flag was not given. */
  public T value() {
    T v = option.getValue();
    return v == null ? absent : v;
  }

  /** For list flags: every value given, in order. */
  @SuppressWarnings("unchecked")
  public static List<String> all(Flag<List<String>> flag) {
    List<String> v = flag.option.getValue();
    return v == null ? List.of() : (List<String>) v;
  }
}
