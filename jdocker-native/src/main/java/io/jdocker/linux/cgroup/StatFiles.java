package io.jdocker.linux.cgroup;

import io.jdocker.linux.cgroup.CgroupStats.BlkioEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Readers and parsers of cgroupfs statistics files. Counters are unsigned 64-bit; one beyond
 * {@code Long.MAX_VALUE} (only "unlimited" values come close) reads as {@link CgroupStats#UNLIMITED}.
 */
final class StatFiles {
  private StatFiles() {}

  /** The file's content, or "" when it does not exist (a controller this host lacks). */
  static String optional(Path file) throws IOException {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      return "";
    }
  }

  /** A single-number file that must exist: its absence means the cgroup is gone. */
  static long required(Path file) throws IOException {
    return number(Files.readString(file).trim());
  }

  /** A single-number file; 0 when it does not exist. */
  static long optionalNumber(Path file) throws IOException {
    String text = optional(file).trim();
    return text.isEmpty() ? 0 : number(text);
  }

  /** A limit file (memory.max, memory.limit_in_bytes, pids.max): "max" or absent is unlimited. */
  static long limit(Path file) throws IOException {
    String text = optional(file).trim();
    return text.isEmpty() || text.equals("max") ? CgroupStats.UNLIMITED : number(text);
  }

  static long number(String text) {
    long value = Long.parseUnsignedLong(text);
    return value < 0 ? CgroupStats.UNLIMITED : value;
  }

  /** "key value" lines (memory.stat, cpu.stat, cpuacct.stat, memory.events), in file order. */
  static Map<String, Long> flatKeyed(String text) {
    Map<String, Long> values = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length == 2 && isNumber(parts[1])) {
        values.put(parts[0], number(parts[1]));
      }
    }
    return values;
  }

  /** Whitespace-separated numbers on one line (cpuacct.usage_percpu). */
  static List<Long> numbers(String text) {
    List<Long> values = new ArrayList<>();
    for (String part : text.trim().split("\\s+")) {
      if (!part.isEmpty()) {
        values.add(number(part));
      }
    }
    return values;
  }

  /** v1 blkio lines "MAJ:MIN Op value"; the closing "Total N" line is not a device's and is dropped. */
  static List<BlkioEntry> blkioV1(String text) {
    List<BlkioEntry> entries = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length != 3) {
        continue;
      }
      long[] device = device(parts[0]);
      if (device != null && isNumber(parts[2])) {
        entries.add(new BlkioEntry(device[0], device[1], parts[1], number(parts[2])));
      }
    }
    return entries;
  }

  /**
   * v2 io.stat lines "MAJ:MIN rbytes=N wbytes=N rios=N ..." as a "read" and a "write" entry of
   * bytes per device, as dockerd reports them; null when no device has been used.
   */
  static List<BlkioEntry> ioStatBytes(String text) {
    List<BlkioEntry> entries = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] parts = line.trim().split("\\s+");
      long[] device = parts.length > 1 ? device(parts[0]) : null;
      if (device == null) {
        continue;
      }
      Map<String, Long> fields = new LinkedHashMap<>();
      for (int i = 1; i < parts.length; i++) {
        int eq = parts[i].indexOf('=');
        if (eq > 0 && isNumber(parts[i].substring(eq + 1))) {
          fields.put(parts[i].substring(0, eq), number(parts[i].substring(eq + 1)));
        }
      }
      entries.add(new BlkioEntry(device[0], device[1], "read", fields.getOrDefault("rbytes", 0L)));
      entries.add(new BlkioEntry(device[0], device[1], "write", fields.getOrDefault("wbytes", 0L)));
    }
    return entries.isEmpty() ? null : entries;
  }

  private static long[] device(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0 || !isNumber(text.substring(0, colon)) || !isNumber(text.substring(colon + 1))) {
      return null;
    }
    return new long[] {Long.parseLong(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1))};
  }

  private static boolean isNumber(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
