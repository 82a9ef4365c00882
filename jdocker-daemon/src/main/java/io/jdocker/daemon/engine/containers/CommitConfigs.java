package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.api.types.container.ContainerConfig;
import io.jdocker.daemon.api.types.container.WireJson;
import io.jdocker.daemon.container.ConfigMerger;
import io.jdocker.image.imports.ConfigChanges;
import io.jdocker.image.oci.Json;
import java.util.List;

/**
 * The config of a committed image, built as dockerd's {@code CreateImageFromContainer} does: the
 * request's config (else the container's), then the {@code --change} instructions
 * ({@code BuildFromConfig}), then {@code merge} with the container's config for what is still
 * unset. Also converts between the API's config and the image config's.
 */
final class CommitConfigs {
  private CommitConfigs() {}

  static ContainerConfig build(ContainerConfig requested, List<String> changes, ContainerConfig container) {
    ContainerConfig user = requested != null ? requested : container;
    if (!changes.isEmpty()) {
      user = fromImage(ConfigChanges.apply(toImage(user), changes));
    }
    return ConfigMerger.merge(user, toImage(container));
  }

  /** Every field survives: those the image config does not model go into its {@code extra}. */
  static io.jdocker.image.oci.ContainerConfig toImage(ContainerConfig config) {
    return Json.MAPPER.convertValue(WireJson.mapper().valueToTree(config), io.jdocker.image.oci.ContainerConfig.class);
  }

  static ContainerConfig fromImage(io.jdocker.image.oci.ContainerConfig config) {
    return WireJson.mapper().convertValue(Json.MAPPER.valueToTree(config), ContainerConfig.class);
  }
}
