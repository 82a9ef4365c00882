package io.jdocker.daemon.api.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds {@code RegistryConfig} from daemon.json as dockerd does: 127.0.0.0/8 is always
 * insecure; an insecure entry that is a CIDR joins {@code InsecureRegistryCIDRs}, a host[:port]
 * gets an insecure {@code IndexConfigs} entry; mirrors apply to docker.io.
 */
public final class RegistryConfigs {
  private static final String LOOPBACK_CIDR = "127.0.0.0/8";
  private static final Pattern CIDR = Pattern.compile("^[0-9a-fA-F.:]+/[0-9]{1,3}$");

  private RegistryConfigs() {}

  /** @throws IllegalArgumentException an entry is neither a CIDR nor a registry host */
  public static SystemInfo.RegistryConfig build(List<String> insecureRegistries, List<String> mirrors) {
    List<String> cidrs = new ArrayList<>(List.of(LOOPBACK_CIDR));
    Map<String, SystemInfo.IndexInfo> indexes = new LinkedHashMap<>();
    for (String entry : insecureRegistries) {
      String value = entry.startsWith("http://") ? entry.substring(7) : entry;
      value = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
      if (value.isEmpty() || value.contains("://") || value.contains("/") && !CIDR.matcher(value).matches()) {
        throw new IllegalArgumentException("insecure registry " + entry + " is not valid: "
            + "expected host[:port] or CIDR, without scheme or path");
      }
      if (CIDR.matcher(value).matches()) {
        if (!cidrs.contains(value)) {
          cidrs.add(value);
        }
      } else {
        indexes.put(value, new SystemInfo.IndexInfo(value, List.of(), false, false));
      }
    }
    List<String> normalizedMirrors = mirrors.stream()
        .map(m -> m.endsWith("/") ? m : m + "/")
        .toList();
    for (String mirror : normalizedMirrors) {
      if (!mirror.startsWith("http://") && !mirror.startsWith("https://")) {
        throw new IllegalArgumentException("invalid mirror: unsupported scheme in " + mirror
            + " (expected http:// or https://)");
      }
    }
    indexes.putIfAbsent("docker.io", new SystemInfo.IndexInfo("docker.io", normalizedMirrors, true, true));
    return new SystemInfo.RegistryConfig(List.of(), List.of(), List.copyOf(cidrs),
        java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(indexes)), normalizedMirrors);
  }
}
