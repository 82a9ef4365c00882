package io.jdocker.daemon.api.system;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code /info} and {@code /version} say about the host, read once at start-up from
 * {@code /proc}, {@code /etc/os-release} and {@code /sys/fs/cgroup}. The root directory is a
 * parameter so tests can use a fake tree.
 */
public record HostFacts(
    String kernelVersion,
    String operatingSystem,
    String osVersion,
    String hostname,
    int ncpu,
    long memTotal,
    String cgroupVersion) {

  public static HostFacts read() {
    return read(Path.of("/"));
  }

  public static HostFacts read(Path root) {
    Map<String, String> osRelease = osRelease(root);
    return new HostFacts(
        firstLine(root.resolve("proc/sys/kernel/osrelease"), System.getProperty("os.version")),
        osRelease.getOrDefault("PRETTY_NAME", osRelease.getOrDefault("NAME", "Linux")),
        osRelease.getOrDefault("VERSION_ID", ""),
        hostname(root),
        Runtime.getRuntime().availableProcessors(),
        memTotal(root),
        Files.exists(root.resolve("sys/fs/cgroup/cgroup.controllers")) ? "2" : "1");
  }

  static Map<String, String> osRelease(Path root) {
    Map<String, String> values = new HashMap<>();
    for (Path candidate : List.of(root.resolve("etc/os-release"), root.resolve("usr/lib/os-release"))) {
      try {
        for (String line : Files.readAllLines(candidate)) {
          int eq = line.indexOf('=');
          if (eq > 0 && !line.startsWith("#")) {
            values.put(line.substring(0, eq).trim(), unquote(line.substring(eq + 1).trim()));
          }
        }
        return values;
      } catch (IOException e) {
        // try the next location, as systemd's os-release(5) says
      }
    }
    return values;
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))
        && value.charAt(value.length() - 1) == value.charAt(0)) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  private static long memTotal(Path root) {
    try {
      for (String line : Files.readAllLines(root.resolve("proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          String[] parts = line.substring(9).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // fall through: unknown
    }
    return 0;
  }

  private static String hostname(Path root) {
    String name = firstLine(root.resolve("proc/sys/kernel/hostname"), null);
    if (name != null && !name.isEmpty()) {
      return name;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  private static String firstLine(Path file, String fallback) {
    try {
      List<String> lines = Files.readAllLines(file);
      return lines.isEmpty() ? fallback : lines.getFirst().trim();
    } catch (IOException e) {
      return fallback;
    }
  }
}
