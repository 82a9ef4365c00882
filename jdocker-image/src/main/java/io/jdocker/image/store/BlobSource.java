package io.jdocker.image.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.image.ref.Digest;

/**
 * One compressed blob a layer is known by on a registry: the blob's digest and size (what a
 * manifest names) and the repository that has it, as registry host + path
 * ({@code 127.0.0.1:5000/x}, {@code docker.io/library/busybox}).
 */
public record BlobSource(
    @JsonProperty("digest") String digest,
    @JsonProperty("size") long size,
    @JsonProperty("repository") String repository) {

  public BlobSource {
    Digest.parse(digest);
    if (size < 0) {
      throw new InvalidParameterException("invalid blob size: " + size);
    }
    if (repository == null || repository.indexOf('/') <= 0 || repository.endsWith("/")) {
      throw new InvalidParameterException("invalid repository: " + repository);
    }
  }

  public static BlobSource of(Digest digest, long size, String repository) {
    return new BlobSource(digest.toString(), size, repository);
  }

  @JsonIgnore
  public Digest blobDigest() {
    return Digest.parse(digest);
  }

  /** The registry host of {@link #repository}: {@code 127.0.0.1:5000}. */
  @JsonIgnore
  public String registryHost() {
    return repository.substring(0, repository.indexOf('/'));
  }
}
