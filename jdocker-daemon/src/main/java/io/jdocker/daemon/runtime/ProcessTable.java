package io.jdocker.daemon.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Formats processes as {@code ps -ef} does (Docker's default for top): UID PID PPID C STIME TTY
 * TIME CMD, with procps's rules for each column. {@code ps} options are not supported yet.
 */
final class ProcessTable {
  static final List<String> TITLES = List.of("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD");
  /** USER_HZ: the unit of every tick count in /proc (100 on every Linux architecture we run on). */
  static final long TICKS_PER_SECOND = 100;
  private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter THIS_YEAR = DateTimeFormatter.ofPattern("MMMdd", Locale.ROOT);
  private static final DateTimeFormatter OLDER = DateTimeFormatter.ofPattern("yyyy", Locale.ROOT);

  private final Path procRoot;
  private final Path passwd;
  private final ZoneId zone;

  ProcessTable(Path procRoot, Path passwd, ZoneId zone) {
    this.procRoot = procRoot;
    this.passwd = passwd;
    this.zone = zone;
  }

  static ProcessTable host() {
    return new ProcessTable(Path.of("/proc"), Path.of("/etc/passwd"), ZoneId.systemDefault());
  }

  TopResult list(List<Integer> pids) throws IOException {
    double uptime = Double.parseDouble(Files.readString(procRoot.resolve("uptime")).trim().split("\\s+")[0]);
    long bootSecond = bootTime();
    Instant now = Instant.now();
    Map<Integer, String> users = users();
    List<List<String>> rows = new ArrayList<>();
    for (int pid : pids.stream().sorted().toList()) {
      Optional<ProcInfo> info = ProcInfo.read(procRoot, pid);
      if (info.isPresent()) {
        rows.add(row(info.get(), uptime, bootSecond, now, users));
      }
    }
    return new TopResult(TITLES, rows);
  }

  List<String> row(ProcInfo p, double uptime, long bootSecond, Instant now, Map<Integer, String> users) {
    double age = uptime - (double) p.startTicks() / TICKS_PER_SECOND;
    long cpu = age > 0 ? Math.min(99, (long) (p.cpuTicks() / (double) TICKS_PER_SECOND * 100 / age)) : 0;
    Instant started = Instant.ofEpochSecond(bootSecond + p.startTicks() / TICKS_PER_SECOND);
    String cmd = p.cmdline().isEmpty() ? "[" + p.comm() + "]" : p.cmdline();
    return List.of(users.getOrDefault(p.uid(), Integer.toString(p.uid())), Integer.toString(p.pid()),
        Integer.toString(p.ppid()), Long.toString(cpu), startTime(started, now), tty(p.ttyNr()),
        cpuTime(p.cpuTicks()), cmd);
  }

  String startTime(Instant started, Instant now) {
    LocalDateTime s = LocalDateTime.ofInstant(started, zone);
    LocalDateTime n = LocalDateTime.ofInstant(now, zone);
    if (s.toLocalDate().equals(n.toLocalDate())) {
      return TODAY.format(s);
    }
    return s.getYear() == n.getYear() ? THIS_YEAR.format(s) : OLDER.format(s);
  }

  static String cpuTime(long ticks) {
    long seconds = ticks / TICKS_PER_SECOND;
    long days = seconds / 86_400;
    String hms = String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600 % 24, seconds / 60 % 60, seconds % 60);
    return days > 0 ? days + "-" + hms : hms;
  }

  /** procps's dev_to_tty for the devices a container can have: pts and the virtual consoles. */
  static String tty(int ttyNr) {
    if (ttyNr == 0) {
      return "?";
    }
    int major = (ttyNr >> 8) & 0xfff;
    int minor = (ttyNr & 0xff) | ((ttyNr >> 12) & 0xfff00);
    if (major >= 136 && major <= 143) {
      return "pts/" + (minor + (major - 136) * 256);
    }
    if (major == 4 && minor < 64) {
      return "tty" + minor;
    }
    if (major == 5 && minor == 1) {
      return "console";
    }
    return "?";
  }

  /** When a process with /proc start time {@code startTicks} started, to the second. */
  Instant startedAt(long startTicks) throws IOException {
    return Instant.ofEpochSecond(bootTime()).plusMillis(startTicks * 1000 / TICKS_PER_SECOND);
  }

  private long bootTime() throws IOException {
    for (String line : Files.readAllLines(procRoot.resolve("stat"))) {
      if (line.startsWith("btime ")) {
        return Long.parseLong(line.substring(6).trim());
      }
    }
    throw new IOException("no btime in " + procRoot.resolve("stat"));
  }

  // ps resolves UIDs with the host's user database, so Docker's top shows host names.
  private Map<Integer, String> users() throws IOException {
    Map<Integer, String> users = new HashMap<>();
    try {
      for (String line : Files.readAllLines(passwd)) {
        String[] f = line.split(":");
        if (f.length > 2 && f[2].chars().allMatch(Character::isDigit) && !f[2].isEmpty()) {
          users.putIfAbsent(Integer.parseInt(f[2]), f[0]);
        }
      }
    } catch (NoSuchFileException e) {
      // Numeric UIDs then.
    }
    return users;
  }
}
