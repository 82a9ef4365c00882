package io.jdocker.image.registry;

import io.jdocker.errdefs.EngineException;
import io.jdocker.errdefs.UnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Requests to one registry with one set of credentials and one token scope: adds the
 * Authorization its challenges call for, answers a fresh 401 challenge once, and follows GET/HEAD
 * redirects itself so that credentials never travel to another host (blob storage).
 */
final class RegistrySession {
  private static final int MAX_REDIRECTS = 10;
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  /** One request; {@code body} null means none, {@code timeout} null means no limit (blob bodies). */
  record Call(String method, URI uri, HttpRequest.BodyPublisher body, Map<String, String> headers, Duration timeout) {
    static Call get(URI uri, Map<String, String> headers, Duration timeout) {
      return new Call("GET", uri, null, headers, timeout);
    }
  }

  private record Authorization(String header, AuthChallenge challenge, boolean cached) {}

  private final RegistryHttp http;
  private final TokenService tokens;
  private final URI base;
  private final boolean skipVerify;
  private final RegistryAuth auth;
  private final String scope;
  private volatile List<AuthChallenge> challenges;

  RegistrySession(RegistryHttp http, TokenService tokens, EndpointProbe.Endpoint endpoint, RegistryAuth auth,
      String scope) {
    this.http = http;
    this.tokens = tokens;
    this.base = endpoint.base();
    this.skipVerify = endpoint.skipVerify();
    this.auth = auth == null ? RegistryAuth.ANONYMOUS : auth;
    this.scope = scope;
    this.challenges = endpoint.challenges();
  }

  URI base() {
    return base;
  }

  /** {@code <base>/v2/<rest>}. */
  URI v2(String rest) {
    return URI.create(base + "/v2/" + rest);
  }

  /** Sends {@code call}; the caller owns (and must close) the response body whatever the status. */
  HttpResponse<InputStream> send(Call call) throws IOException {
    Authorization authorization = authorize(call);
    HttpResponse<InputStream> response = exchange(call, authorization);
    if (response.statusCode() != 401) {
      return response;
    }
    List<AuthChallenge> offered = AuthChallenge.of(response.headers());
    boolean worthRetry = !offered.isEmpty()
        && (authorization == null || authorization.cached() || !sameAuthorities(offered, challenges));
    if (!worthRetry) {
      return response;
    }
    // A challenge we did not answer yet, or a cached token the registry no longer takes.
    response.body().close();
    if (authorization != null && authorization.challenge() != null) {
      tokens.invalidate(authorization.challenge(), scope, auth);
    }
    challenges = offered;
    return exchange(call, authorize(call));
  }

  private HttpResponse<InputStream> exchange(Call call, Authorization authorization) throws IOException {
    URI uri = call.uri();
    boolean followable = call.method().equals("GET") || call.method().equals("HEAD");
    for (int hop = 0; ; hop++) {
      HttpRequest.Builder b = HttpRequest.newBuilder(uri)
          .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody() : call.body())
          .header("User-Agent", RegistryHttp.USER_AGENT);
      call.headers().forEach(b::header);
      if (call.timeout() != null) {
        b.timeout(call.timeout());
      }
      if (authorization != null && sameOrigin(uri, base)) {
        b.header("Authorization", authorization.header());
      }
      HttpResponse<InputStream> response = http.send(b.build(), skipVerify);
      String location = response.headers().firstValue("Location").orElse(null);
      if (!followable || !REDIRECTS.contains(response.statusCode()) || location == null) {
        return response;
      }
      response.body().close();
      if (hop == MAX_REDIRECTS) {
        throw new UnavailableException(
            NetFailures.operation(call.method(), call.uri()) + "stopped after 10 redirects");
      }
      uri = uri.resolve(location);
    }
  }

  private Authorization authorize(Call call) throws IOException {
    if (auth.registryToken() != null && !auth.registryToken().isEmpty()) {
      return new Authorization("Bearer " + auth.registryToken(), null, false);
    }
    for (AuthChallenge c : challenges) {
      if (AuthChallenge.BEARER.equals(c.scheme())) {
        try {
          String cached = tokens.cachedToken(c, scope, auth);
          if (cached != null) {
            return new Authorization("Bearer " + cached, c, true);
          }
          return new Authorization("Bearer " + tokens.token(c, scope, auth, skipVerify), c, false);
        } catch (EngineException e) {
          throw RegistryErrors.prefixed(NetFailures.operation(call.method(), call.uri()), e);
        }
      }
    }
    for (AuthChallenge c : challenges) {
      if (AuthChallenge.BASIC.equals(c.scheme()) && auth.hasBasicCredentials()) {
        return new Authorization(TokenService.basic(auth), null, false);
      }
    }
    return null;
  }

  /** Same schemes, realms and services: a scope parameter alone is no new challenge. */
  private static boolean sameAuthorities(List<AuthChallenge> a, List<AuthChallenge> b) {
    return authorities(a).equals(authorities(b));
  }

  private static Set<List<String>> authorities(List<AuthChallenge> challenges) {
    Set<List<String>> out = new HashSet<>();
    for (AuthChallenge c : challenges) {
      out.add(Arrays.asList(c.scheme(), c.param("realm"), c.param("service")));
    }
    return out;
  }

  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI u) {
    return u.getPort() >= 0 ? u.getPort() : "http".equalsIgnoreCase(u.getScheme()) ? 80 : 443;
  }
}
