package io.jdocker.image.registry;

import io.jdocker.errdefs.EngineException;
import io.jdocker.errdefs.UnauthorizedException;
import io.jdocker.errdefs.UnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code docker login}: proves credentials against a registry's {@code /v2/} through whatever
 * challenge it makes, as moby's loginV2 does, and hands back the refresh token the token server
 * issued (the identity token clients store).
 */
final class RegistryLogin {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final RegistryHttp http;
  private final EndpointProbe probe;
  private final TokenService tokens;

  RegistryLogin(RegistryHttp http, EndpointProbe probe, TokenService tokens) {
    this.http = http;
    this.probe = probe;
    this.tokens = tokens;
  }

  String login(String serverAddress, RegistryAuth credentials) throws IOException {
    RegistryAuth auth = credentials == null ? RegistryAuth.ANONYMOUS : credentials;
    String host = RegistryHosts.normalizeServerAddress(serverAddress);
    EndpointProbe.Endpoint endpoint = probe.ping(host);
    if (endpoint.pingStatus() == 200) {
      return ""; // a registry that lets anyone in accepts any login, as with dockerd
    }
    URI v2 = endpoint.v2();
    String identityToken = "";
    String authorization = null;
    for (AuthChallenge c : endpoint.challenges()) {
      if (AuthChallenge.BEARER.equals(c.scheme())) {
        TokenService.Token token;
        try {
          token = tokens.fetch(c, null, auth, true, endpoint.skipVerify());
        } catch (EngineException e) {
          throw unauthorized(RegistryErrors.prefixed(NetFailures.operation("GET", v2), e));
        }
        authorization = "Bearer " + token.token();
        identityToken = token.refreshToken() == null ? "" : token.refreshToken();
        break;
      }
    }
    if (authorization == null && auth.hasBasicCredentials()
        && endpoint.challenges().stream().anyMatch(c -> AuthChallenge.BASIC.equals(c.scheme()))) {
      authorization = TokenService.basic(auth);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(v2).GET().timeout(TIMEOUT)
        .header("User-Agent", RegistryHttp.USER_AGENT);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<InputStream> response = http.send(request.build(), endpoint.skipVerify());
    response.body().close();
    if (response.statusCode() != 200) {
      throw new UnauthorizedException("login attempt to " + v2 + " failed with status: "
          + RegistryErrors.statusLine(response.statusCode()));
    }
    return identityToken;
  }

  /** A refused login is a 401 whatever the token server's status was, as dockerd reports it. */
  private static EngineException unauthorized(EngineException e) {
    return e instanceof UnavailableException ? e : new UnauthorizedException(e.getMessage(), e);
  }
}
