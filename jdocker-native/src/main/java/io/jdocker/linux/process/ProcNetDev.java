package io.jdocker.linux.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Interface counters from /proc/PID/net/dev. The file shows the network namespace of the process
 * that reads it through {@code PID}, so the container's PID 1 gives the container's interfaces.
 */
public final class ProcNetDev {
  private static final int RECEIVE_FIELDS = 8;
  private static final int FIELDS = 16;

  private ProcNetDev() {}

  /** One interface's counters since it was created. */
  public record Counters(long rxBytes, long rxPackets, long rxErrors, long rxDropped, long txBytes,
      long txPackets, long txErrors, long txDropped) {}

  /** Interfaces by name, in the kernel's order. */
  public static Map<String, Counters> read(Path procRoot, long pid) throws IOException {
    return parse(Files.readString(procRoot.resolve(Long.toString(pid)).resolve("net/dev")));
  }

  /**
   * Two header lines, then "NAME: " and 8 receive fields (bytes packets errs drop fifo frame
   * compressed multicast) and 8 transmit fields (bytes packets errs drop fifo colls carrier
   * compressed). Large counters can run into the colon, so split there rather than on spaces.
   */
  public static Map<String, Counters> parse(String text) {
    Map<String, Counters> interfaces = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0 || line.contains("|")) {
        continue;
      }
      String[] f = line.substring(colon + 1).trim().split("\\s+");
      if (f.length < FIELDS) {
        throw new IllegalArgumentException("malformed net/dev line: " + line);
      }
      int t = RECEIVE_FIELDS;
      interfaces.put(line.substring(0, colon).trim(), new Counters(n(f[0]), n(f[1]), n(f[2]), n(f[3]),
          n(f[t]), n(f[t + 1]), n(f[t + 2]), n(f[t + 3])));
    }
    return interfaces;
  }

  private static long n(String field) {
    return Long.parseUnsignedLong(field);
  }
}
