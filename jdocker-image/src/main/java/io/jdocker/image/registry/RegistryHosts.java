package io.jdocker.image.registry;

import io.jdocker.errdefs.InvalidParameterException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where each registry is reached: docker.io's real endpoints, and which hosts are insecure
 * (daemon.json {@code insecure-registries}). Insecure hosts are tried over HTTPS without
 * certificate checks first and over plain HTTP after that, as dockerd does; every other host is
 * HTTPS only.
 */
public final class RegistryHosts {
  public static final String DOCKER_HUB = "docker.io";
  static final URI DOCKER_HUB_API = URI.create("https://registry-1.docker.io");
  static final URI DOCKER_HUB_INDEX = URI.create("https://index.docker.io");
  private static final Set<String> HUB_NAMES = Set.of(DOCKER_HUB, "index.docker.io", "registry-1.docker.io");
  // dockerd adds these to every configuration: a registry on the host itself needs no TLS.
  private static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1/128");

  private final Set<String> insecureHosts = new LinkedHashSet<>();
  private final List<Cidr> insecureCidrs = new ArrayList<>();
  private final List<String> configuredCidrs = new ArrayList<>();
  private final boolean loopbackInsecure;

  /**
   * @param insecureRegistries daemon.json {@code insecure-registries}: {@code host[:port]} or CIDR
   *     entries, an {@code http://} or {@code https://} prefix tolerated
   * @throws InvalidParameterException for an entry that is neither, with dockerd's wording
   */
  public RegistryHosts(List<String> insecureRegistries) {
    this(insecureRegistries, true);
  }

  /** Tests only: {@code loopbackInsecure=false} lets a loopback fake stand for a secure registry. */
  RegistryHosts(List<String> insecureRegistries, boolean loopbackInsecure) {
    this.loopbackInsecure = loopbackInsecure;
    if (loopbackInsecure) {
      LOOPBACK.forEach(c -> insecureCidrs.add(Cidr.parse(c)));
    }
    for (String entry : insecureRegistries == null ? List.<String>of() : insecureRegistries) {
      addInsecure(entry);
    }
  }

  public static RegistryHosts defaults() {
    return new RegistryHosts(List.of());
  }

  private void addInsecure(String entry) {
    String r = entry.trim();
    String lower = r.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://")) {
      r = r.substring(7);
    } else if (lower.startsWith("https://")) {
      r = r.substring(8);
    } else if (r.contains("://")) {
      throw new InvalidParameterException("insecure registry " + entry + " should not contain '://'");
    }
    if (r.endsWith("/")) {
      r = r.substring(0, r.length() - 1);
    }
    if (r.contains("/")) {
      try {
        insecureCidrs.add(Cidr.parse(r));
        configuredCidrs.add(r);
        return;
      } catch (IllegalArgumentException e) {
        throw new InvalidParameterException("insecure registry " + entry + " is not valid: " + e.getMessage());
      }
    }
    if (r.isEmpty()) {
      throw new InvalidParameterException("insecure registry " + entry + " is not valid: empty host");
    }
    insecureHosts.add(r.toLowerCase(Locale.ROOT));
  }

  /** The CIDR entries of insecure-registries as configured (without the loopback defaults), for /info. */
  public List<String> configuredInsecureCidrs() {
    return List.copyOf(configuredCidrs);
  }

  /** The host[:port] entries of insecure-registries (lower case, in order), for /info. */
  public List<String> configuredInsecureHosts() {
    return List.copyOf(insecureHosts);
  }

  /** Normalises a {@code docker login} server address to a registry host: docker.io's index URL means docker.io. */
  public static String normalizeServerAddress(String serverAddress) {
    if (serverAddress == null || serverAddress.isBlank()) {
      return DOCKER_HUB;
    }
    String s = serverAddress.trim();
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      s = s.substring(scheme + 3);
    }
    int slash = s.indexOf('/');
    if (slash >= 0) {
      s = s.substring(0, slash);
    }
    return HUB_NAMES.contains(s.toLowerCase(Locale.ROOT)) ? DOCKER_HUB : s;
  }

  /** Whether {@code host} ({@code host[:port]}) may be reached without TLS checks. */
  public boolean isInsecure(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (HUB_NAMES.contains(name)) {
      return false;
    }
    if (insecureHosts.contains(name)) {
      return true;
    }
    for (InetAddress address : addressesOf(hostPart(name))) {
      for (Cidr cidr : insecureCidrs) {
        if (cidr.contains(address)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The API base URLs to try for {@code host}, in order. */
  List<URI> apiEndpoints(String host) {
    if (HUB_NAMES.contains(host.toLowerCase(Locale.ROOT))) {
      return List.of(DOCKER_HUB_API);
    }
    return endpoints(host);
  }

  /** The v1 index (search) base URLs to try for {@code host}, in order. */
  List<URI> indexEndpoints(String host) {
    if (HUB_NAMES.contains(host.toLowerCase(Locale.ROOT))) {
      return List.of(DOCKER_HUB_INDEX);
    }
    return endpoints(host);
  }

  private List<URI> endpoints(String host) {
    URI https = URI.create("https://" + host);
    return isInsecure(host) ? List.of(https, URI.create("http://" + host)) : List.of(https);
  }

  private static String hostPart(String hostPort) {
    if (hostPort.startsWith("[")) {
      int end = hostPort.indexOf(']');
      return end > 0 ? hostPort.substring(1, end) : hostPort;
    }
    int colon = hostPort.indexOf(':');
    // A bare IPv6 address has several colons and no port.
    return colon >= 0 && colon == hostPort.lastIndexOf(':') ? hostPort.substring(0, colon) : hostPort;
  }

  /** The host's addresses; like dockerd, a name is resolved to match it against the CIDRs. */
  private List<InetAddress> addressesOf(String host) {
    try {
      if (Cidr.isLiteral(host)) {
        return List.of(InetAddress.ofLiteral(host));
      }
      if (host.equals("localhost")) {
        return loopbackInsecure ? List.of(InetAddress.getLoopbackAddress()) : List.of();
      }
      return List.of(InetAddress.getAllByName(host));
    } catch (UnknownHostException | IllegalArgumentException | SecurityException e) {
      return List.of();
    }
  }

  /** An address block such as {@code 10.0.0.0/8}. */
  private record Cidr(byte[] network, int prefix) {
    static Cidr parse(String text) {
      int slash = text.indexOf('/');
      if (slash < 0 || !isLiteral(text.substring(0, slash))) {
        throw new IllegalArgumentException("invalid CIDR address: " + text);
      }
      byte[] network = InetAddress.ofLiteral(text.substring(0, slash)).getAddress();
      int prefix;
      try {
        prefix = Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("invalid CIDR address: " + text);
      }
      if (prefix < 0 || prefix > network.length * 8) {
        throw new IllegalArgumentException("invalid CIDR address: " + text);
      }
      return new Cidr(network, prefix);
    }

    static boolean isLiteral(String host) {
      return host.contains(":") || host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    }

    boolean contains(InetAddress address) {
      byte[] a = address.getAddress();
      if (a.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < prefix; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
