package io.jdocker.cli.container;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** go-connections {@code nat.ParsePortSpecs}: {@code -p} and {@code --expose} into ExposedPorts and PortBindings. */
public final class PortSpecs {
  private final Map<String, Object> exposed = new TreeMap<>();
  private final Map<String, List<Object>> bindings = new TreeMap<>();

  /** {@code ExposedPorts}: {"80/tcp":{}}, sorted as Go marshals a map. */
  public Map<String, Object> exposed() {
    return exposed;
  }

  /** {@code PortBindings}: {"80/tcp":[{"HostIp":"","HostPort":"8080"}]}. */
  public Map<String, List<Object>> bindings() {
    return bindings;
  }

  /** Adds one {@code -p [ip:][hostPort:]containerPort[/proto]}. */
  public void publish(String raw) {
    String[] parts = raw.split(":", -1);
    int n = parts.length;
    String containerPart = parts[n - 1];
    String hostPort = n >= 2 ? parts[n - 2] : "";
    String ip = n == 3 ? parts[0] : n > 3 ? String.join(":", java.util.Arrays.copyOf(parts, n - 2)) : "";
    if (ip.startsWith("[") && ip.endsWith("]")) {
      ip = ip.substring(1, ip.length() - 1);
    }
    String proto = "tcp";
    int slash = containerPart.indexOf('/');
    if (slash >= 0) {
      proto = containerPart.substring(slash + 1);
      containerPart = containerPart.substring(0, slash);
    }
    long[] container = range(containerPart, "invalid containerPort: " + containerPart);
    long[] host = hostPort.isEmpty() ? new long[] {0, 0} : range(hostPort, "invalid hostPort: " + hostPort);
    if (!hostPort.isEmpty() && container[1] - container[0] != host[1] - host[0] && container[1] != container[0]) {
      throw new IllegalArgumentException("invalid ranges specified for container and host Ports: " + containerPart + " and " + hostPort);
    }
    checkProto(proto);
    for (long i = 0; i <= container[1] - container[0]; i++) {
      String port = (container[0] + i) + "/" + proto;
      String hp = hostPort.isEmpty() ? "" : String.valueOf(host[0] + i);
      if (container[0] == container[1] && host[0] != host[1]) {
        hp = hp + "-" + host[1];
      }
      exposed.put(port, new LinkedHashMap<>());
      Map<String, Object> binding = new LinkedHashMap<>();
      binding.put("HostIp", ip);
      binding.put("HostPort", hp);
      bindings.computeIfAbsent(port, k -> new ArrayList<>()).add(binding);
    }
  }

  /** Adds one {@code --expose port[-port][/proto]}. */
  public void expose(String raw) {
    String proto = "tcp";
    String ports = raw;
    int slash = raw.indexOf('/');
    if (slash >= 0) {
      proto = raw.substring(slash + 1);
      ports = raw.substring(0, slash);
    }
    long[] r = range(ports, "invalid range format for --expose: " + raw + ", error: invalid port range");
    checkProto(proto);
    for (long p = r[0]; p <= r[1]; p++) {
      exposed.put(p + "/" + proto, new LinkedHashMap<>());
    }
  }

  private static void checkProto(String proto) {
    if (!proto.equals("tcp") && !proto.equals("udp") && !proto.equals("sctp")) {
      throw new IllegalArgumentException("invalid proto: " + proto);
    }
  }

  private static long[] range(String text, String error) {
    try {
      int dash = text.indexOf('-');
      long start = Long.parseLong(dash < 0 ? text : text.substring(0, dash));
      long end = dash < 0 ? start : Long.parseLong(text.substring(dash + 1));
      if (start < 0 || end > 65535 || end < start) {
        throw new NumberFormatException();
      }
      return new long[] {start, end};
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(error);
    }
  }
}
