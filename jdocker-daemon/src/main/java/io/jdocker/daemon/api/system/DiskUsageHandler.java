package io.jdocker.daemon.api.system;

import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.ApiVersion;
import io.jdocker.daemon.api.Handler;
import io.jdocker.daemon.api.images.ImageSummary;
import io.jdocker.daemon.api.types.container.ContainerSummary;
import io.jdocker.errdefs.InvalidParameterException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /system/df?type=}: images, containers, volumes and build cache with their sizes.
 * {@code type} (repeatable, API 1.42+) limits the answer to the named parts; without it all are
 * computed. There are no volumes or build cache yet, so those lists are always empty.
 */
final class DiskUsageHandler implements Handler {
  /** Before 1.42 dockerd ignores {@code type} and answers everything. */
  private static final ApiVersion TYPE_PARAMETER = new ApiVersion(1, 42);

  enum Part { CONTAINER, IMAGE, VOLUME, BUILD_CACHE }

  private final DiskUsageBackend backend;

  DiskUsageHandler(DiskUsageBackend backend) {
    this.backend = backend;
  }

  @Override
  public void handle(ApiRequest request, ApiResponse response) {
    response.json(200, usage(parts(request), request.version()));
  }

  SystemDataUsage usage(Set<Part> parts, ApiVersion version) {
    Long layersSize = null;
    List<ImageSummary> images = null;
    if (parts.contains(Part.IMAGE)) {
      DiskUsageBackend.ImageUsage usage = backend.images();
      layersSize = usage.layersSize() == 0 ? null : usage.layersSize();
      images = usage.images().stream()
          .map(u -> ImageSummary.of(u.image(), u.references(), version).withUsage(u.containers(), u.sharedSize()))
          .toList();
    }
    List<ContainerSummary> containers = parts.contains(Part.CONTAINER) ? backend.containers() : null;
    List<Object> volumes = parts.contains(Part.VOLUME) ? List.of() : null;
    List<Object> buildCache = parts.contains(Part.BUILD_CACHE) ? List.of() : null;
    return new SystemDataUsage(layersSize, images, containers, volumes, buildCache);
  }

  static Set<Part> parts(ApiRequest request) {
    List<String> types = request.queryAll("type");
    if (types.isEmpty() || !request.version().atLeast(TYPE_PARAMETER)) {
      return EnumSet.allOf(Part.class);
    }
    Set<Part> parts = EnumSet.noneOf(Part.class);
    for (String type : types) {
      parts.add(switch (type) {
        case "container" -> Part.CONTAINER;
        case "image" -> Part.IMAGE;
        case "volume" -> Part.VOLUME;
        case "build-cache" -> Part.BUILD_CACHE;
        default -> throw new InvalidParameterException("unknown object type: " + type);
      });
    }
    return parts;
  }
}
