package io.jdocker.daemon.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdocker.image.registry.RegistryAuth;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Docker's AuthConfig ({@code username, password, auth, email, serveraddress, identitytoken,
 * registrytoken}) as clients send it: base64url JSON in {@code X-Registry-Auth} (pull, push,
 * search), or a plain JSON body ({@code POST /auth}). Keys match case-insensitively, as Go's
 * encoding/json does.
 */
public final class AuthConfigs {
  public static final String HEADER = "X-Registry-Auth";
  private static final Logger LOG = LoggerFactory.getLogger(AuthConfigs.class);

  /** The credentials and the registry they are for ("" when the client named none). */
  public record Decoded(RegistryAuth auth, String serverAddress) {}

  private AuthConfigs() {}

  /** The request's {@code X-Registry-Auth}; absent or unreadable is anonymous. */
  public static RegistryAuth fromHeader(ApiRequest request) {
    return request.header(HEADER).map(h -> decodeHeader(h).auth()).orElse(RegistryAuth.ANONYMOUS);
  }

  /**
   * Decodes a header value. dockerd ignores a header it cannot decode (pull, push and search
   * proceed anonymously, "to increase compatibility with the existing API"); so do we. Standard
   * base64 is accepted beside base64url, padded or not: some clients send it.
   */
  public static Decoded decodeHeader(String value) {
    String text = value.strip();
    if (text.isEmpty()) {
      return new Decoded(RegistryAuth.ANONYMOUS, "");
    }
    try {
      byte[] json = Base64.getUrlDecoder().decode(text.replace('+', '-').replace('/', '_'));
      return fromJson(ApiJson.mapper().readTree(json));
    } catch (IllegalArgumentException | IOException e) {
      LOG.debug("ignoring an undecodable {} header: {}", HEADER, e.toString());
      return new Decoded(RegistryAuth.ANONYMOUS, "");
    }
  }

  /** Reads an AuthConfig object; anything but an object is an empty config. */
  public static Decoded fromJson(JsonNode node) {
    if (node == null || !node.isObject()) {
      return new Decoded(RegistryAuth.ANONYMOUS, "");
    }
    Map<String, String> fields = new HashMap<>();
    node.properties().forEach(e -> {
      if (e.getValue().isTextual() && !e.getValue().asText().isEmpty()) {
        fields.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText());
      }
    });
    String username = fields.get("username");
    String password = fields.get("password");
    if (username == null && fields.containsKey("auth")) {
      String[] userPass = decodeAuthField(fields.get("auth"));
      if (userPass != null) {
        username = userPass[0];
        password = userPass[1];
      }
    }
    RegistryAuth auth = new RegistryAuth(username, password, fields.get("identitytoken"), fields.get("registrytoken"));
    return new Decoded(auth, fields.getOrDefault("serveraddress", ""));
  }

  /** The {@code auth} field: base64("user:password"), as in ~/.docker/config.json. */
  private static String[] decodeAuthField(String auth) {
    try {
      String decoded = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon > 0) {
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
      }
    } catch (IllegalArgumentException e) {
      // falls through: an unreadable auth field is no credentials, as a missing one
    }
    LOG.debug("ignoring an undecodable auth field in an AuthConfig");
    return null;
  }
}
