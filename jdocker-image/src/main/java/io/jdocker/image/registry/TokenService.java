package io.jdocker.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdocker.errdefs.EngineException;
import io.jdocker.errdefs.ForbiddenException;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.UnauthorizedException;
import io.jdocker.errdefs.UnavailableException;
import io.jdocker.image.oci.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Docker's token protocol: asks a challenge's realm for a bearer token for a scope (GET with
 * Basic credentials, or an OAuth2 refresh-token POST when the caller holds an identity token)
 * and keeps each token for its lifetime, per realm, service, scope and credentials.
 */
final class TokenService {
  private static final Duration MIN_LIFETIME = Duration.ofSeconds(60);
  private static final Duration MARGIN = Duration.ofSeconds(5);
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String CLIENT_ID = "docker";
  private static final int MAX_TOKEN_BODY = 1024 * 1024;

  /** What the token server answered; {@code refreshToken} is null unless it issued one. */
  record Token(String token, String refreshToken, Duration lifetime) {}

  private record Key(String realm, String service, String scope, RegistryAuth auth) {}

  private record Cached(String token, Instant expires) {}

  private final RegistryHttp http;
  private final Clock clock;
  private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

  TokenService(RegistryHttp http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  /** The cached, still living token for {@code scope} (may be null), or null. */
  String cachedToken(AuthChallenge challenge, String scope, RegistryAuth auth) {
    Cached cached = cache.get(new Key(challenge.param("realm"), challenge.param("service"), scope, auth));
    return cached != null && clock.instant().isBefore(cached.expires()) ? cached.token() : null;
  }

  /** A new bearer token for {@code scope} (may be null), kept for its lifetime. */
  String token(AuthChallenge challenge, String scope, RegistryAuth auth, boolean skipVerify) throws IOException {
    Key key = new Key(challenge.param("realm"), challenge.param("service"), scope, auth);
    Instant now = clock.instant();
    Token fresh = fetch(challenge, scope, auth, false, skipVerify);
    cache.put(key, new Cached(fresh.token(), now.plus(fresh.lifetime()).minus(MARGIN)));
    return fresh.token();
  }

  /** Forgets the token for this scope: the registry refused it. */
  void invalidate(AuthChallenge challenge, String scope, RegistryAuth auth) {
    cache.remove(new Key(challenge.param("realm"), challenge.param("service"), scope, auth));
  }

  /**
   * Asks the realm for a token. {@code offline} asks for a refresh token too ({@code docker
   * login}). Failures come worded as the token server put them ("unauthorized: incorrect username
   * or password"); callers add the URL of the request they were authorizing.
   */
  Token fetch(AuthChallenge challenge, String scope, RegistryAuth auth, boolean offline, boolean skipVerify)
      throws IOException {
    String realm = challenge.param("realm");
    if (realm == null || realm.isEmpty()) {
      throw new InvalidParameterException("bearer challenge without a realm");
    }
    URI realmUri;
    try {
      realmUri = URI.create(realm);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("invalid token realm " + realm + ": " + e.getMessage());
    }
    String service = challenge.param("service");
    HttpRequest request = hasText(auth.identityToken())
        ? refreshTokenPost(realmUri, service, scope, auth.identityToken())
        : basicGet(realmUri, service, scope, auth, offline);
    HttpResponse<InputStream> response = http.send(request, skipVerify);
    if (response.statusCode() != 200) {
      EngineException refused = RegistryErrors.of(response, "received unexpected HTTP status: 404 Not Found");
      // Only 401/403 speak about the credentials; anything else is the token service failing.
      throw refused instanceof UnauthorizedException || refused instanceof ForbiddenException
          ? refused
          : new UnavailableException(refused.getMessage(), refused);
    }
    byte[] body;
    try (InputStream in = response.body()) {
      body = in.readNBytes(MAX_TOKEN_BODY);
    }
    return parse(body, realm);
  }

  private static HttpRequest basicGet(URI realm, String service, String scope, RegistryAuth auth, boolean offline) {
    List<String> query = new ArrayList<>();
    if (auth.hasBasicCredentials()) {
      query.add(param("account", auth.username()));
    }
    if (offline) {
      query.add(param("client_id", CLIENT_ID));
      query.add(param("offline_token", "true"));
    }
    if (hasText(service)) {
      query.add(param("service", service));
    }
    if (hasText(scope)) {
      query.add(param("scope", scope));
    }
    String joined = String.join("&", query);
    String sep = realm.getRawQuery() == null ? "?" : "&";
    URI uri = URI.create(joined.isEmpty() ? realm.toString() : realm + sep + joined);
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(TIMEOUT).header("User-Agent", RegistryHttp.USER_AGENT);
    if (auth.hasBasicCredentials()) {
      b.header("Authorization", basic(auth));
    }
    return b.build();
  }

  private static HttpRequest refreshTokenPost(URI realm, String service, String scope, String refreshToken) {
    List<String> form = new ArrayList<>();
    form.add(param("grant_type", "refresh_token"));
    form.add(param("refresh_token", refreshToken));
    form.add(param("client_id", CLIENT_ID));
    if (hasText(service)) {
      form.add(param("service", service));
    }
    if (hasText(scope)) {
      form.add(param("scope", scope));
    }
    return HttpRequest.newBuilder(realm)
        .timeout(TIMEOUT)
        .header("User-Agent", RegistryHttp.USER_AGENT)
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(String.join("&", form)))
        .build();
  }

  private static Token parse(byte[] body, String realm) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new InvalidParameterException("malformed token response from " + realm + ": " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new InvalidParameterException("malformed token response from " + realm + ": not a JSON object");
    }
    String token = text(root, "token");
    if (token == null) {
      token = text(root, "access_token");
    }
    if (token == null) {
      throw new InvalidParameterException("authorization server did not include a token in the response");
    }
    long seconds = root.path("expires_in").asLong(0);
    Duration lifetime = Duration.ofSeconds(seconds);
    if (lifetime.compareTo(MIN_LIFETIME) < 0) {
      lifetime = MIN_LIFETIME; // the token spec's floor when the server says less or nothing
    }
    return new Token(token, text(root, "refresh_token"), lifetime);
  }

  static String basic(RegistryAuth auth) {
    String pair = auth.username() + ":" + auth.password();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(JsonNode root, String field) {
    JsonNode n = root.get(field);
    return n != null && n.isTextual() && !n.asText().isEmpty() ? n.asText() : null;
  }

  private static String param(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static boolean hasText(String s) {
    return s != null && !s.isEmpty();
  }
}
