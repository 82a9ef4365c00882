package io.jdocker.image.imports;

import io.jdocker.errdefs.InvalidParameterException;
import java.util.Locale;
import java.util.Set;

/** STOPSIGNAL validation: a Linux signal name (with or without SIG) or number. */
final class Signals {
  private static final Set<String> NAMES = Set.of("ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL",
      "INT", "IO", "IOT", "KILL", "PIPE", "POLL", "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS", "TERM",
      "TRAP", "TSTP", "TTIN", "TTOU", "URG", "USR1", "USR2", "VTALRM", "WINCH", "XCPU", "XFSZ");

  private Signals() {}

  static String validate(String signal) {
    String upper = signal.toUpperCase(Locale.ROOT);
    String name = upper.startsWith("SIG") ? upper.substring(3) : upper;
    if (NAMES.contains(name) || name.matches("RTMIN(\\+\\d+)?|RTMAX(-\\d+)?")) {
      return signal;
    }
    if (signal.matches("\\d{1,2}") && Integer.parseInt(signal) > 0 && Integer.parseInt(signal) <= 64) {
      return signal;
    }
    throw new InvalidParameterException("STOPSIGNAL: Invalid signal: " + signal);
  }
}
