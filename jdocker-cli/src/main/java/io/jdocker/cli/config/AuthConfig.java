package io.jdocker.cli.config;

import io.jdocker.cli.json.JsonWriter;
import io.jdocker.cli.model.JsonFields;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One registry's credentials, as docker's {@code registry.AuthConfig}. The same values travel in
 * three shapes: the {@code X-Registry-Auth} header, the {@code POST /auth} body and the entry under
 * {@code "auths"} in config.json; each keeps Go's field order and omits empty fields.
 */
public record AuthConfig(String username, String password, String email, String serverAddress,
    String identityToken, String registryToken) {

  public static final AuthConfig EMPTY = new AuthConfig("", "", "", "", "", "");

  public AuthConfig {
    username = nonNull(username);
    password = nonNull(password);
    email = nonNull(email);
    serverAddress = nonNull(serverAddress);
    identityToken = nonNull(identityToken);
    registryToken = nonNull(registryToken);
  }

  public static AuthConfig login(String username, String password, String serverAddress) {
    return new AuthConfig(username, password, "", serverAddress, "", "");
  }

  /**
   * An entry of config.json stored under {@code key}: {@code auth} is base64 "user:password", and
   * the key, not a field, names the server (docker's {@code LoadFromReader}).
   */
  static AuthConfig fromEntry(String key, Map<String, Object> entry) {
    String username = JsonFields.string(entry, "username");
    String password = JsonFields.string(entry, "password");
    String auth = JsonFields.string(entry, "auth");
    if (!auth.isEmpty()) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("illegal base64 data in the auth of " + key);
      }
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("Invalid auth configuration file");
      }
      username = decoded.substring(0, colon);
      password = decoded.substring(colon + 1).replaceAll("^\u0000+|\u0000+$", "");
    }
    return new AuthConfig(username, password, JsonFields.string(entry, "email"), key,
        JsonFields.string(entry, "identitytoken"), JsonFields.string(entry, "registrytoken"));
  }

  /** How config.json stores it (docker's {@code configfile.Save}): the name and password folded into {@code auth}. */
  Map<String, Object> toEntry() {
    Map<String, Object> entry = new LinkedHashMap<>();
    if (!username.isEmpty() || !password.isEmpty()) {
      String pair = username + ":" + password;
      entry.put("auth", Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    putIfSet(entry, "email", email);
    putIfSet(entry, "identitytoken", identityToken);
    putIfSet(entry, "registrytoken", registryToken);
    return entry;
  }

  /** The JSON docker marshals for the daemon ({@code POST /auth} body and, encoded, X-Registry-Auth). */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    putIfSet(json, "username", username);
    putIfSet(json, "password", password);
    putIfSet(json, "email", email);
    putIfSet(json, "serveraddress", serverAddress);
    putIfSet(json, "identitytoken", identityToken);
    putIfSet(json, "registrytoken", registryToken);
    return json;
  }

  /** {@code X-Registry-Auth}: URL-safe base64 (padded) of the JSON; {@code e30=} ("{}") when empty. */
  public String encode() {
    byte[] json = JsonWriter.compact(toJson()).getBytes(StandardCharsets.UTF_8);
    return Base64.getUrlEncoder().encodeToString(json);
  }

  private static void putIfSet(Map<String, Object> map, String key, String value) {
    if (!value.isEmpty()) {
      map.put(key, value);
    }
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
