package io.jdocker.daemon.api.containers;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of {@code GET /containers/{id}/changes}: Kind 0 = modified, 1 = added, 2 = deleted. */
public record FilesystemChange(@JsonProperty("Path") String path, @JsonProperty("Kind") int kind) {
  public static final int MODIFIED = 0;
  public static final int ADDED = 1;
  public static final int DELETED = 2;
}
