package io.jdocker.daemon.api.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.AuthConfigs;
import io.jdocker.daemon.api.Handler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /auth} ({@code docker login}): the body is an AuthConfig; 200
 * {@code {"IdentityToken":"..","Status":"Login Succeeded"}} (the token is "" when the registry
 * gave none, as dockerd sends it), 401 when refused.
 */
final class AuthHandler implements Handler {
  private final AuthBackend backend;

  AuthHandler(AuthBackend backend) {
    this.backend = backend;
  }

  @Override
  public void handle(ApiRequest request, ApiResponse response) throws Exception {
    AuthConfigs.Decoded config = AuthConfigs.fromJson(request.bodyJson(JsonNode.class));
    String token = backend.login(config.serverAddress(), config.auth());
    Map<String, String> body = new LinkedHashMap<>();
    body.put("IdentityToken", token == null ? "" : token);
    body.put("Status", "Login Succeeded");
    response.json(200, body);
  }
}
