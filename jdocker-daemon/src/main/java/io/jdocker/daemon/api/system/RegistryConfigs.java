package io.jdocker.daemon.api.system;

import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.image.registry.RegistryHosts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@code RegistryConfig} from daemon.json as dockerd does: 127.0.0.0/8 is always
 * insecure; an insecure entry that is a CIDR joins {@code InsecureRegistryCIDRs}, a host[:port]
 * gets an insecure {@code IndexConfigs} entry; mirrors apply to docker.io.
 */
public final class RegistryConfigs {
  private static final String LOOPBACK_CIDR = "127.0.0.0/8";

  private RegistryConfigs() {}

  /**
   * @throws IllegalArgumentException an entry is neither a CIDR nor a registry host (checked by
   *     {@link RegistryHosts}, the parser the registry client itself uses, with dockerd's words)
   */
  public static SystemInfo.RegistryConfig build(List<String> insecureRegistries, List<String> mirrors) {
    RegistryHosts hosts;
    try {
      hosts = new RegistryHosts(insecureRegistries);
    } catch (InvalidParameterException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    List<String> cidrs = new ArrayList<>(List.of(LOOPBACK_CIDR));
    for (String cidr : hosts.configuredInsecureCidrs()) {
      if (!cidrs.contains(cidr)) {
        cidrs.add(cidr);
      }
    }
    Map<String, SystemInfo.IndexInfo> indexes = new LinkedHashMap<>();
    for (String host : hosts.configuredInsecureHosts()) {
      indexes.put(host, new SystemInfo.IndexInfo(host, List.of(), false, false));
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
