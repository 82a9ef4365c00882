package io.jdocker.image.registry;

import io.jdocker.image.ref.Digest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * One repository on one registry, authenticated for pull (and push when opened for it): what
 * {@link ImagePuller} and {@link ImagePusher} need of the Distribution API.
 *
 * <p>Failures are typed: {@code NotFoundException} for an unknown manifest, blob or repository
 * (with the registry's error code and message, as distribution words them: "manifest unknown:
 * manifest unknown"), {@code UnauthorizedException} / {@code ForbiddenException} for 401 / 403,
 * {@code UnavailableException} when the registry cannot be reached (naming the URL and cause),
 * {@code InvalidParameterException} for a malformed answer. IOException only for a stream that
 * broke midway.
 */
public interface RegistryRepository {
  /** The repository path on its registry, e.g. {@code library/busybox}. */
  String path();

  /**
   * Fetches a manifest or index by tag or by digest ({@code sha256:...}), accepting OCI and Docker
   * schema2 manifests and lists. When fetched by digest, the bytes are verified against it.
   */
  FetchedManifest manifest(String tagOrDigest) throws IOException;

  /** The repository's tags ({@code GET /v2/<name>/tags/list}, following pagination). */
  List<String> tags() throws IOException;

  /** Opens a blob (following redirects); the caller verifies its digest while reading. */
  BlobStream blob(Digest digest) throws IOException;

  /** Whether the registry has the blob in this repository ({@code HEAD}). */
  boolean hasBlob(Digest digest) throws IOException;

  /**
   * Uploads {@code file} as blob {@code digest} (POST to start, then PUT with {@code ?digest=});
   * {@code sent} hears the running count of bytes sent.
   */
  void uploadBlob(Digest digest, Path file, LongConsumer sent) throws IOException;

  /** Puts a manifest under {@code tag}; returns the digest the registry reports for it. */
  Digest putManifest(String tag, String mediaType, byte[] bytes) throws IOException;
}
