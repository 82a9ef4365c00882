package io.jdocker.image.registry;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The access control of {@link FakeRegistry}: none, Basic, or Docker's bearer tokens from a
 * {@code /token} realm (GET with Basic credentials or anonymous, and the OAuth2 refresh-token
 * POST), with the challenges and refusals registries and Docker Hub's auth service send.
 */
final class FakeAuth {
  private enum Mode { NONE, BEARER, BASIC }

  private final Map<String, String> grants = new ConcurrentHashMap<>();
  private final AtomicInteger issued = new AtomicInteger();
  private final String refreshToken = "refresh-" + UUID.randomUUID();
  private volatile Mode mode = Mode.NONE;
  private volatile String user;
  private volatile String password;
  private volatile boolean anonymousPull;

  void bearer(String user, String password) {
    set(Mode.BEARER, user, password);
  }

  void basic(String user, String password) {
    set(Mode.BASIC, user, password);
  }

  private void set(Mode mode, String user, String password) {
    this.mode = mode;
    this.user = user;
    this.password = password;
  }

  void allowAnonymousPull() {
    this.anonymousPull = true;
  }

  String refreshToken() {
    return refreshToken;
  }

  /** A token granting {@code scopes} (space separated), as the realm would issue it. */
  String newToken(String scopes) {
    String token = "token-" + issued.incrementAndGet();
    grants.put(token, scopes);
    return token;
  }

  /**
   * Checks the request's credentials for {@code repo}/{@code action} (both null for {@code /v2/});
   * answers 401 with the challenge and returns false when they do not do.
   */
  boolean authorized(HttpExchange ex, FakeRegistry.Request req, URI realmBase, String repo, String action)
      throws IOException {
    String authorization = req.header("Authorization");
    switch (mode) {
      case NONE -> {
        return true;
      }
      case BASIC -> {
        if (basicMatches(authorization)) {
          return true;
        }
        ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"" + FakeRegistry.SERVICE + "\"");
      }
      case BEARER -> {
        if (authorization != null && authorization.startsWith("Bearer ")) {
          String granted = grants.get(authorization.substring(7));
          if (granted != null && (repo == null || covers(granted, repo, action))) {
            return true;
          }
        }
        String scope = repo == null ? "" : ",scope=\"repository:" + repo + ":" + action + "\"";
        ex.getResponseHeaders().add("WWW-Authenticate",
            "Bearer realm=\"" + realmBase + "/token\",service=\"" + FakeRegistry.SERVICE + "\"" + scope);
      }
      default -> throw new IllegalStateException();
    }
    FakeHttp.error(ex, 401, "UNAUTHORIZED", "authentication required");
    return false;
  }

  /** {@code /token}: Hub's answers, wrong credentials included ({@code {"details":"incorrect username or password"}}). */
  void issue(HttpExchange ex, FakeRegistry.Request req) throws IOException {
    boolean post = req.method().equals("POST");
    Map<String, String> params = post ? FakeHttp.params(new String(req.body(), StandardCharsets.UTF_8)) : req.params();
    if (!FakeRegistry.SERVICE.equals(params.get("service"))) {
      FakeHttp.send(ex, 400, "application/json", "{\"details\":\"unknown service\"}");
      return;
    }
    String scope = params.getOrDefault("scope", "");
    if (!post && req.header("Authorization") == null) {
      // Anonymous: pull at most, and only where the registry allows it; Hub still issues a token.
      respond(ex, anonymousPull ? scope.replace(",push", "") : "", false);
      return;
    }
    boolean trusted = post
        ? "refresh_token".equals(params.get("grant_type")) && refreshToken.equals(params.get("refresh_token"))
        : basicMatches(req.header("Authorization"));
    if (!trusted) {
      FakeHttp.send(ex, 401, "application/json", "{\"details\":\"incorrect username or password\"}");
      return;
    }
    respond(ex, scope, "true".equals(params.get("offline_token")));
  }

  private void respond(HttpExchange ex, String scope, boolean offline) throws IOException {
    String token = newToken(scope);
    FakeHttp.send(ex, 200, "application/json", "{\"token\":\"" + token + "\",\"access_token\":\"" + token
        + "\",\"expires_in\":300" + (offline ? ",\"refresh_token\":\"" + refreshToken + "\"" : "") + "}");
  }

  private boolean basicMatches(String authorization) {
    if (authorization == null || !authorization.startsWith("Basic ")) {
      return false;
    }
    String pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
    return pair.equals(user + ":" + password);
  }

  private static boolean covers(String granted, String repo, String action) {
    for (String scope : granted.split(" ")) {
      String[] parts = scope.split(":");
      if (parts.length == 3 && parts[0].equals("repository") && parts[1].equals(repo)
          && List.of(parts[2].split(",")).contains(action)) {
        return true;
      }
    }
    return false;
  }
}
