package io.jdocker.image.registry;

/**
 * Credentials for one registry, as clients send them in {@code X-Registry-Auth} (moby's
 * AuthConfig). Every field may be null; {@link #ANONYMOUS} has none.
 *
 * @param identityToken an OAuth2 refresh token from an earlier login, used instead of the password
 * @param registryToken a bearer token to send as is, skipping the token service
 */
public record RegistryAuth(String username, String password, String identityToken, String registryToken) {
  public static final RegistryAuth ANONYMOUS = new RegistryAuth(null, null, null, null);

  public boolean hasBasicCredentials() {
    return username != null && !username.isEmpty() && password != null;
  }
}
