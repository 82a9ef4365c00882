package io.jdocker.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.image.oci.Json;
import io.jdocker.image.oci.MediaTypes;
import io.jdocker.image.ref.Digest;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Decides what a fetched manifest is and whether to trust it: its media type (from
 * Content-Type, else from the JSON), schema 1 refused, its bytes checked against the digest
 * asked for and the digest the registry announced.
 */
final class ManifestBytes {
  static final String ACCEPT = String.join(", ",
      MediaTypes.OCI_INDEX, MediaTypes.OCI_MANIFEST, MediaTypes.DOCKER_MANIFEST_LIST, MediaTypes.DOCKER_MANIFEST);
  static final String SCHEMA1_REMOVED = "support Docker Image manifest version 2, schema 1 has been removed. "
      + "More information at https://docs.docker.com/go/deprecated-image-specs/";
  private static final Set<String> SCHEMA1 = Set.of(
      "application/vnd.docker.distribution.manifest.v1+prettyjws",
      "application/vnd.docker.distribution.manifest.v1+json");

  private ManifestBytes() {}

  /**
   * @param contentType the response's Content-Type, possibly null
   * @param requested the digest asked for, or null when fetched by tag
   * @param announced the Docker-Content-Digest header, or null
   */
  static FetchedManifest check(String contentType, byte[] bytes, Digest requested, String announced) {
    String mediaType = mediaType(contentType, bytes);
    Digest actual = Digest.of(bytes);
    if (requested != null && !requested.equals(actual)) {
      throw new InvalidParameterException("manifest verification failed for digest " + requested);
    }
    // A registry announcing another sha256 than the bytes hash to is serving something else.
    if (announced != null && Digest.isDigest(announced) && !Digest.parse(announced).equals(actual)) {
      throw new InvalidParameterException("manifest verification failed for digest " + announced);
    }
    return new FetchedManifest(mediaType, bytes, actual);
  }

  private static String mediaType(String contentType, byte[] bytes) {
    String declared = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (SCHEMA1.contains(declared)) {
      throw new InvalidParameterException(SCHEMA1_REMOVED);
    }
    if (MediaTypes.INDEXES.contains(declared) || MediaTypes.MANIFESTS.contains(declared)) {
      return declared;
    }
    // Some registries answer application/json or nothing: the document says what it is.
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new InvalidParameterException("malformed manifest (" + declared + "): " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new InvalidParameterException("malformed manifest (" + declared + "): not a JSON object");
    }
    String inner = root.path("mediaType").asText("");
    if (SCHEMA1.contains(inner) || root.path("schemaVersion").asInt() == 1) {
      throw new InvalidParameterException(SCHEMA1_REMOVED);
    }
    if (MediaTypes.INDEXES.contains(inner) || MediaTypes.MANIFESTS.contains(inner)) {
      return inner;
    }
    if (inner.isEmpty() && root.has("manifests")) {
      return MediaTypes.OCI_INDEX;
    }
    if (inner.isEmpty() && root.has("config") && root.has("layers")) {
      return MediaTypes.OCI_MANIFEST;
    }
    throw new InvalidParameterException(
        "unsupported manifest media type and no default available: " + (inner.isEmpty() ? declared : inner));
  }
}
