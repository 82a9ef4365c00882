package io.jdocker.image.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds how a registry answers: tries its endpoints in order (an insecure host: HTTPS, then plain
 * HTTP), falling back only when the exchange itself failed, and remembers per host the one that
 * worked. When all fail, the last failure is reported, as dockerd does.
 */
final class EndpointProbe {
  private static final Duration PING_TIMEOUT = Duration.ofSeconds(30);

  /** A reachable registry: its base URL, whether TLS checks are skipped, and how {@code /v2/} answered. */
  record Endpoint(URI base, boolean skipVerify, int pingStatus, List<AuthChallenge> challenges) {
    URI v2() {
      return URI.create(base + "/v2/");
    }
  }

  @FunctionalInterface
  interface Attempt<R> {
    R run(URI base, boolean skipVerify) throws IOException;
  }

  private final RegistryHttp http;
  private final RegistryHosts hosts;
  private final Map<String, URI> working = new ConcurrentHashMap<>();

  EndpointProbe(RegistryHttp http, RegistryHosts hosts) {
    this.http = http;
    this.hosts = hosts;
  }

  /** {@code GET /v2/} on the host's API endpoint, learning its auth challenges. */
  Endpoint ping(String host) throws IOException {
    return firstReachable(host, hosts.apiEndpoints(host), (base, skipVerify) -> {
      URI v2 = URI.create(base + "/v2/");
      HttpRequest request = HttpRequest.newBuilder(v2).GET().timeout(PING_TIMEOUT)
          .header("User-Agent", RegistryHttp.USER_AGENT).build();
      HttpResponse<InputStream> response = http.send(request, skipVerify);
      response.body().close();
      return new Endpoint(base, skipVerify, response.statusCode(), AuthChallenge.of(response.headers()));
    });
  }

  /** Runs {@code attempt} against each candidate base URL until one is reachable. */
  <R> R firstReachable(String host, List<URI> candidates, Attempt<R> attempt) throws IOException {
    boolean insecure = hosts.isInsecure(host);
    List<URI> ordered = new ArrayList<>(candidates);
    URI known = working.get(host);
    if (known != null && ordered.remove(known)) {
      ordered.addFirst(known);
    }
    RegistryUnreachableException last = null;
    for (URI base : ordered) {
      try {
        R result = attempt.run(base, insecure);
        working.put(host, base);
        return result;
      } catch (RegistryUnreachableException e) {
        working.remove(host, base);
        last = e;
      }
    }
    if (last == null) {
      throw new IllegalStateException("no endpoints for " + host);
    }
    throw last;
  }

  /** The scheme that last worked for {@code host}, or null: for tests and diagnostics. */
  String workingScheme(String host) {
    URI base = working.get(host);
    return base == null ? null : base.getScheme();
  }
}
