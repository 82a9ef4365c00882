package io.jdocker.daemon.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Docker's rewriting of the host's resolv.conf for a container with its own network namespace. */
final class ResolvConf {
  /** Docker's fallback when only loopback resolvers are left (libnetwork/resolvconf). */
  static final List<String> FALLBACK_NAMESERVERS = List.of("8.8.8.8", "8.8.4.4");

  private static final Pattern LOCALHOST_NAMESERVER =
      Pattern.compile("^\\s*nameserver\\s+(127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}|::1)\\s*$");
  private static final Pattern NAMESERVER = Pattern.compile("^\\s*nameserver\\s+\\S+.*$");
  private static final Pattern ONLY_SYSTEMD_RESOLVED = Pattern.compile("^\\s*nameserver\\s+127\\.0\\.0\\.53\\s*$");

  private ResolvConf() {}

  /** Drops loopback nameservers (unreachable from another netns) and falls back to Google's DNS. */
  static String forOwnNetwork(String hostContent) {
    List<String> kept = new ArrayList<>();
    boolean hasNameserver = false;
    for (String line : hostContent.lines().toList()) {
      if (LOCALHOST_NAMESERVER.matcher(line).matches()) {
        continue;
      }
      hasNameserver |= NAMESERVER.matcher(line).matches();
      kept.add(line);
    }
    if (!hasNameserver) {
      if (!kept.isEmpty() && !kept.getLast().isBlank()) {
        kept.add("");
      }
      FALLBACK_NAMESERVERS.forEach(ns -> kept.add("nameserver " + ns));
    }
    return String.join("\n", kept) + "\n";
  }

  /** True if systemd-resolved's stub is the only resolver: Docker then reads the real upstream file. */
  static boolean onlySystemdResolvedStub(String content) {
    List<String> nameservers = content.lines().filter(l -> NAMESERVER.matcher(l).matches()).toList();
    return !nameservers.isEmpty() && nameservers.stream().allMatch(l -> ONLY_SYSTEMD_RESOLVED.matcher(l).matches());
  }
}
