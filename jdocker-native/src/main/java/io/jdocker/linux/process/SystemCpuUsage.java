package io.jdocker.linux.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The host's CPU time from /proc/stat, as dockerd reports it next to a container's usage
 * ({@code system_cpu_usage}, {@code online_cpus}): CPU % is the container's share of the delta.
 *
 * @param totalNanos the first seven fields of the aggregate "cpu" line (user, nice, system,
 *     idle, iowait, irq, softirq) summed, in nanoseconds; steal and guest are left out as dockerd does
 * @param onlineCpus the number of "cpuN" lines, one per online CPU
 */
public record SystemCpuUsage(long totalNanos, int onlineCpus) {
  // /proc/stat counts USER_HZ ticks, which Linux fixes at 100 whatever the kernel's HZ.
  private static final long NANOS_PER_TICK = 1_000_000_000L / 100;
  private static final int SUMMED_FIELDS = 7;

  public static SystemCpuUsage read(Path procRoot) throws IOException {
    return parse(Files.readString(procRoot.resolve("stat")));
  }

  public static SystemCpuUsage parse(String procStat) {
    long ticks = -1;
    int cpus = 0;
    for (String line : procStat.split("\n")) {
      if (!line.startsWith("cpu")) {
        break; // the kernel writes every cpu line first
      }
      String[] fields = line.trim().split("\\s+");
      if (fields[0].equals("cpu")) {
        if (fields.length < SUMMED_FIELDS + 1) {
          throw new IllegalArgumentException("malformed /proc/stat cpu line: " + line);
        }
        ticks = 0;
        for (int i = 1; i <= SUMMED_FIELDS; i++) {
          ticks += Long.parseLong(fields[i]);
        }
      } else {
        cpus++;
      }
    }
    if (ticks < 0) {
      throw new IllegalArgumentException("no cpu line in /proc/stat");
    }
    return new SystemCpuUsage(ticks * NANOS_PER_TICK, cpus);
  }
}
