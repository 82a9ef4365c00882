package io.jdocker.daemon.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** What {@code ps -ef} shows about one process, read from /proc/PID/{stat,status,cmdline}. */
record ProcInfo(int pid, int ppid, char state, int uid, int ttyNr, long cpuTicks, long startTicks, String comm,
    String cmdline) {

  static Optional<ProcInfo> read(Path procRoot, int pid) throws IOException {
    Path dir = procRoot.resolve(Integer.toString(pid));
    try {
      String stat = Files.readString(dir.resolve("stat"));
      String status = Files.readString(dir.resolve("status"));
      byte[] cmdline = Files.readAllBytes(dir.resolve("cmdline"));
      return Optional.of(parse(pid, stat, status, cmdline));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  static boolean isZombie(int pid) throws IOException {
    try {
      return parseStat(0, Files.readString(Path.of("/proc", Integer.toString(pid), "stat")), 0, "").state() == 'Z';
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  static ProcInfo parse(int pid, String stat, String status, byte[] cmdline) {
    int uid = status.lines().filter(l -> l.startsWith("Uid:")).findFirst()
        .map(l -> Integer.parseInt(l.substring(4).trim().split("\\s+")[0])).orElse(0);
    int end = cmdline.length;
    while (end > 0 && cmdline[end - 1] == 0) {
      end--;
    }
    String cmd = new String(cmdline, 0, end, StandardCharsets.UTF_8).replace('\0', ' ');
    return parseStat(pid, stat, uid, cmd);
  }

  // The command name (field 2) is in parentheses and may itself hold spaces and ')'.
  private static ProcInfo parseStat(int pid, String stat, int uid, String cmdline) {
    int open = stat.indexOf('(');
    int close = stat.lastIndexOf(')');
    if (open < 0 || close < open) {
      throw new IllegalArgumentException("malformed /proc stat: " + stat);
    }
    String comm = stat.substring(open + 1, close);
    String[] f = stat.substring(close + 2).trim().split(" ");
    // f[0] is field 3 (state); field N is f[N - 3].
    return new ProcInfo(pid == 0 ? Integer.parseInt(stat.substring(0, open).trim()) : pid,
        Integer.parseInt(f[1]), f[0].charAt(0), uid, Integer.parseInt(f[4]),
        Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[19]), comm, cmdline);
  }
}
