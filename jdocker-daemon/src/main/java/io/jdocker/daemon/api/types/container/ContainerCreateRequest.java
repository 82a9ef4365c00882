package io.jdocker.daemon.api.types.container;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdocker.errdefs.InvalidParameterException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The body of {@code POST /containers/create}: a {@link ContainerConfig} whose fields sit at the
 * top level, plus {@code HostConfig} and {@code NetworkingConfig} objects. Either object may be
 * absent or null (docker-py sends only what the caller set).
 */
public record ContainerCreateRequest(ContainerConfig config, HostConfig hostConfig, NetworkingConfig networkingConfig) {

  public static ContainerCreateRequest parse(InputStream body) {
    JsonNode root;
    try {
      root = WireJson.mapper().readTree(body);
    } catch (IOException e) {
      throw new InvalidParameterException("invalid JSON: " + firstLine(e.getMessage()), e);
    }
    return fromTree(root);
  }

  public static ContainerCreateRequest parse(byte[] body) {
    return parse(new java.io.ByteArrayInputStream(body));
  }

  private static ContainerCreateRequest fromTree(JsonNode root) {
    if (root == null || root.isMissingNode()) {
      throw new InvalidParameterException("invalid JSON: got EOF while reading request body");
    }
    if (!root.isObject()) {
      throw new InvalidParameterException("config cannot be empty in order to create a container");
    }
    ContainerConfig config = WireJson.fromTree(root, ContainerConfig.class);
    JsonNode host = root.get("HostConfig");
    HostConfig hostConfig = host == null || host.isNull() ? HostConfig.empty() : WireJson.fromTree(host, HostConfig.class);
    JsonNode net = root.get("NetworkingConfig");
    NetworkingConfig networking =
        net == null || net.isNull() ? NetworkingConfig.EMPTY : WireJson.fromTree(net, NetworkingConfig.class);
    return new ContainerCreateRequest(config, hostConfig, networking);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable body";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
