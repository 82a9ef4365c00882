package io.jdocker.daemon.container;

import io.jdocker.errdefs.InvalidParameterException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Linux signal names and numbers as Docker's {@code signal.ParseSignal} accepts them: "SIGTERM", "term", "15", "RTMIN+3". */
public final class Signals {
  public static final int SIGKILL = 9;
  public static final int SIGTERM = 15;
  private static final Map<String, Integer> BY_NAME = new LinkedHashMap<>();

  static {
    String[] names = {"HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
        "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ",
        "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS"};
    for (int i = 0; i < names.length; i++) {
      BY_NAME.put(names[i], i + 1);
    }
    BY_NAME.put("IOT", 6);
    BY_NAME.put("POLL", 29);
    BY_NAME.put("RTMIN", 34);
    for (int i = 1; i <= 15; i++) {
      BY_NAME.put("RTMIN+" + i, 34 + i);
      BY_NAME.put("RTMAX-" + (15 - i + 1), 64 - (15 - i + 1));
    }
    BY_NAME.put("RTMAX", 64);
  }

  private Signals() {}

  /** The signal number, or Docker's "Invalid signal: x". */
  public static int parse(String raw) {
    if (raw == null || raw.isEmpty()) {
      throw new InvalidParameterException("Invalid signal: " + raw);
    }
    try {
      int n = Integer.parseInt(raw);
      if (n <= 0) {
        throw new InvalidParameterException("Invalid signal: " + raw);
      }
      return n;
    } catch (NumberFormatException e) {
      String name = raw.toUpperCase(Locale.ROOT);
      if (name.startsWith("SIG")) {
        name = name.substring(3);
      }
      Integer n = BY_NAME.get(name);
      if (n == null) {
        throw new InvalidParameterException("Invalid signal: " + raw);
      }
      return n;
    }
  }

  /** The stop signal of a container config: its StopSignal, or SIGTERM. */
  public static int stopSignal(String configured) {
    return configured == null || configured.isEmpty() ? SIGTERM : parse(configured);
  }
}
