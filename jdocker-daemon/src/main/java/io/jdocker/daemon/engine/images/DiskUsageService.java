package io.jdocker.daemon.engine.images;

import io.jdocker.daemon.api.Filters;
import io.jdocker.daemon.api.containers.ContainersBackend;
import io.jdocker.daemon.api.system.DiskUsageBackend;
import io.jdocker.daemon.api.types.container.ContainerSummary;
import io.jdocker.daemon.container.ContainerListFilter;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.store.ImageStore;
import io.jdocker.image.store.LayerRecord;
import io.jdocker.image.store.StoredImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker system df}'s numbers. Like dockerd, only top-level images are listed (an untagged
 * parent is covered by its children, whose layer chains include its layers), a layer's bytes
 * count once in LayersSize however many images use it, and an image's SharedSize is the bytes of
 * those of its layers that another listed image uses too.
 */
public final class DiskUsageService implements DiskUsageBackend {
  private static final ContainerListFilter.Options ALL_CONTAINERS =
      new ContainerListFilter.Options(true, -1, Filters.empty());

  private final ImageStore store;
  private final ContainerImageUsage usage;
  private final ContainersBackend containers;

  public DiskUsageService(ImageStore store, ContainerImageUsage usage, ContainersBackend containers) {
    this.store = store;
    this.usage = usage;
    this.containers = containers;
  }

  @Override
  public ImageUsage images() {
    List<StoredImage> listed = ImageListFilter.select(store, false, Filters.empty());
    Map<Digest, Integer> users = new HashMap<>();
    Map<Digest, Long> sizes = new HashMap<>();
    for (StoredImage image : listed) {
      for (LayerRecord layer : image.layers()) {
        users.merge(layer.chain(), 1, Integer::sum);
        sizes.put(layer.chain(), layer.size());
      }
    }
    List<UsedImage> used = new ArrayList<>(listed.size());
    for (StoredImage image : listed) {
      long shared = image.layers().stream().filter(l -> users.get(l.chain()) > 1).mapToLong(LayerRecord::size).sum();
      used.add(new UsedImage(image, store.references(image.id()), usage.usersOf(image.id()).size(), shared));
    }
    long layersSize = sizes.values().stream().mapToLong(Long::longValue).sum();
    return new ImageUsage(layersSize, used);
  }

  @Override
  public List<ContainerSummary> containers() {
    return containers.list(ALL_CONTAINERS, true);
  }
}
