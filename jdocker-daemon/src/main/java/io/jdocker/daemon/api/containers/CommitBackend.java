package io.jdocker.daemon.api.containers;

import io.jdocker.daemon.api.types.container.ContainerConfig;
import java.io.IOException;
import java.util.List;

/** docker commit's engine: a new image from a container's changes. */
public interface CommitBackend {
  /**
   * {@code POST /commit}'s parameters.
   *
   * @param container the container's ID, name or ID prefix
   * @param repo the repository to tag the image in, "" for a dangling image
   * @param tag the tag in {@code repo}, "" for latest
   * @param pause whether to freeze a running container while its changes are read
   * @param config the body: the config to start from instead of the container's, or null
   * @param changes Dockerfile instructions applied to the config ({@code -c})
   */
  record Request(String container, String repo, String tag, String author, String comment, boolean pause,
      ContainerConfig config, List<String> changes) {
    public Request {
      changes = changes == null ? List.of() : List.copyOf(changes);
    }
  }

  /** @return the new image's ID ({@code sha256:…}) */
  String commit(Request request) throws IOException;
}
