package io.jdocker.linux.signal;

import io.jdocker.errdefs.InvalidParameterException;
import java.util.Locale;

/** Linux signals (x86_64/arm64 numbering) with Docker's parsing of "KILL", "SIGKILL" and "9". */
public enum Signal {
  SIGHUP(1), SIGINT(2), SIGQUIT(3), SIGILL(4), SIGTRAP(5), SIGABRT(6), SIGBUS(7), SIGFPE(8),
  SIGKILL(9), SIGUSR1(10), SIGSEGV(11), SIGUSR2(12), SIGPIPE(13), SIGALRM(14), SIGTERM(15),
  SIGSTKFLT(16), SIGCHLD(17), SIGCONT(18), SIGSTOP(19), SIGTSTP(20), SIGTTIN(21), SIGTTOU(22),
  SIGURG(23), SIGXCPU(24), SIGXFSZ(25), SIGVTALRM(26), SIGPROF(27), SIGWINCH(28), SIGIO(29),
  SIGPWR(30), SIGSYS(31);

  private static final int SIGRTMIN = 34;
  private static final int SIGRTMAX = 64;

  private final int number;

  Signal(int number) {
    this.number = number;
  }

  public int number() {
    return number;
  }

  /** Parses a signal as {@code docker kill -s} does and returns its number (RTMIN+n allowed). */
  public static int parse(String text) {
    String s = text.trim().toUpperCase(Locale.ROOT);
    if (s.isEmpty()) {
      throw new InvalidParameterException("Invalid signal: " + text);
    }
    if (s.chars().allMatch(Character::isDigit)) {
      int n = s.length() > 2 ? -1 : Integer.parseInt(s);
      if (n < 1 || n > SIGRTMAX) {
        throw new InvalidParameterException("Invalid signal: " + text);
      }
      return n;
    }
    String name = s.startsWith("SIG") ? s : "SIG" + s;
    for (Signal signal : values()) {
      if (signal.name().equals(name)) {
        return signal.number;
      }
    }
    if (name.startsWith("SIGRTMIN")) {
      return realtime(text, name.substring(8), SIGRTMIN, 1);
    }
    if (name.startsWith("SIGRTMAX")) {
      return realtime(text, name.substring(8), SIGRTMAX, -1);
    }
    throw new InvalidParameterException("Invalid signal: " + text);
  }

  private static int realtime(String text, String offset, int base, int sign) {
    if (offset.isEmpty()) {
      return base;
    }
    String digits = offset.substring(1);
    boolean ok = offset.charAt(0) == (sign > 0 ? '+' : '-')
        && !digits.isEmpty() && digits.length() <= 2 && digits.chars().allMatch(Character::isDigit);
    int n = ok ? base + sign * Integer.parseInt(digits) : -1;
    if (n < SIGRTMIN || n > SIGRTMAX) {
      throw new InvalidParameterException("Invalid signal: " + text);
    }
    return n;
  }
}
