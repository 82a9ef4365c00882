package io.jdocker.cli.format;

import io.jdocker.cli.model.JsonFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** docker's DisplayablePorts: "0.0.0.0:8080->80/tcp, [::]:8080->80/tcp", consecutive ports grouped into ranges. */
final class Ports {
  private Ports() {}

  static String displayable(List<Map<String, Object>> ports) {
    List<Map<String, Object>> sorted = new ArrayList<>(ports);
    sorted.sort(Comparator.<Map<String, Object>>comparingLong(p -> JsonFields.number(p, "PrivatePort", 0))
        .thenComparing(p -> JsonFields.string(p, "IP"))
        .thenComparingLong(p -> JsonFields.number(p, "PublicPort", 0))
        .thenComparing(p -> JsonFields.string(p, "Type")));
    Map<String, long[]> groups = new LinkedHashMap<>();
    List<String> result = new ArrayList<>();
    List<String> hostMappings = new ArrayList<>();
    for (Map<String, Object> port : sorted) {
      long current = JsonFields.number(port, "PrivatePort", 0);
      long publicPort = JsonFields.number(port, "PublicPort", 0);
      String type = JsonFields.string(port, "Type");
      String ip = JsonFields.string(port, "IP");
      String key = type;
      if (!ip.isEmpty()) {
        if (publicPort != current) {
          String host = ip.contains(":") ? "[" + ip + "]" : ip;
          hostMappings.add(host + ":" + publicPort + "->" + current + "/" + type);
          continue;
        }
        key = ip + "/" + type;
      }
      long[] group = groups.get(key);
      if (group == null) {
        groups.put(key, new long[] {current, current});
      } else if (current == group[1] + 1) {
        group[1] = current;
      } else {
        result.add(form(key, group[0], group[1]));
        groups.put(key, new long[] {current, current});
      }
    }
    groups.forEach((key, g) -> result.add(form(key, g[0], g[1])));
    result.addAll(hostMappings);
    return String.join(", ", result);
  }

  private static String form(String key, long start, long last) {
    int slash = key.lastIndexOf('/');
    String ip = slash < 0 ? "" : key.substring(0, slash);
    String type = slash < 0 ? key : key.substring(slash + 1);
    String group = start == last ? String.valueOf(start) : start + "-" + last;
    if (!ip.isEmpty()) {
      group = (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + group + "->" + group;
    }
    return group + "/" + type;
  }
}
