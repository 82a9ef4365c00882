package io.jdocker.image.commit;

import io.jdocker.image.oci.ContainerConfig;
import java.util.Objects;

/**
 * What a container adds to its image when committed (moby's {@code image.ChildConfig}).
 *
 * @param containerId the committed container's full ID (the image's {@code container})
 * @param author the image's and the history entry's author, "" for none
 * @param comment the history entry's comment (the commit message), "" for none
 * @param config the new image's {@code config}: the container's config with the request's changes
 * @param containerConfig the container's own config ({@code container_config}); its Cmd is the
 *     history entry's {@code created_by}
 * @param os the container's OS ("linux")
 * @param dockerVersion the engine's version, written as {@code docker_version}
 */
public record ChildConfig(String containerId, String author, String comment, ContainerConfig config,
    ContainerConfig containerConfig, String os, String dockerVersion) {

  public ChildConfig {
    author = author == null ? "" : author;
    comment = comment == null ? "" : comment;
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(containerConfig, "containerConfig");
    Objects.requireNonNull(os, "os");
  }
}
