package io.jdocker.daemon.api.images;

import io.jdocker.daemon.api.ApiVersion;
import io.jdocker.image.oci.ContainerConfig;
import io.jdocker.image.oci.HistoryEntry;
import io.jdocker.image.oci.ImageConfig;
import io.jdocker.image.oci.Timestamps;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.store.StoredImage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Maps stored images to Docker's JSON shapes. */
final class ImageWire {
  private static final ApiVersion NO_VIRTUAL_SIZE = new ApiVersion(1, 44);
  private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  private ImageWire() {}

  static List<String> repoTags(List<ImageReference> refs) {
    return refs.stream().filter(r -> !r.isDigested()).map(ImageReference::familiarString).toList();
  }

  static List<String> repoDigests(List<ImageReference> refs) {
    return refs.stream().filter(ImageReference::isDigested).map(ImageReference::familiarString).toList();
  }

  static ImageSummary summary(StoredImage image, List<ImageReference> refs, ApiVersion version) {
    Map<String, String> labels = image.config().configOrEmpty().labelsOrEmpty();
    return new ImageSummary(-1, createdSeconds(image.config().created()), image.id().toString(), labels,
        image.parent().map(Digest::toString).orElse(""), repoDigests(refs), repoTags(refs), -1, image.size(),
        version.atLeast(NO_VIRTUAL_SIZE) ? null : image.size());
  }

  static ImageInspect inspect(StoredImage image, List<ImageReference> refs, ApiVersion version,
      Function<Digest, Path> layerDiff) {
    ImageConfig c = image.config();
    Object container = c.extra().get("container");
    Object dockerVersion = c.extra().get("docker_version");
    return new ImageInspect(image.id().toString(), repoTags(refs), repoDigests(refs),
        image.parent().map(Digest::toString).orElse(""), comment(c),
        c.created() == null ? "" : c.created(), container == null ? "" : container.toString(),
        config(containerConfigOf(c)), dockerVersion == null ? "" : dockerVersion.toString(),
        c.author() == null ? "" : c.author(), config(c.configOrEmpty()), c.architecture(), c.variant(), c.os(),
        image.size(), version.atLeast(NO_VIRTUAL_SIZE) ? null : image.size(),
        new ImageInspect.GraphDriver(graphDriverData(image, layerDiff), "overlay2"),
        new ImageInspect.RootFs("layers", image.diffIds().stream().map(Digest::toString).toList()),
        new ImageInspect.Metadata(image.lastTagTime().flatMap(Timestamps::parse).map(Timestamps::rfc3339Nano)
            .orElse(ZERO_TIME)));
  }

  /** dockerd's inspect: the config's comment, else the last history entry's (where commit puts it). */
  private static String comment(ImageConfig c) {
    if (c.comment() != null && !c.comment().isEmpty()) {
      return c.comment();
    }
    List<HistoryEntry> history = c.historyOrEmpty();
    String last = history.isEmpty() ? null : history.getLast().comment();
    return last == null ? "" : last;
  }

  private static ContainerConfig containerConfigOf(ImageConfig c) {
    Object raw = c.extra().get("container_config");
    if (raw == null) {
      return ContainerConfig.empty();
    }
    return io.jdocker.image.oci.Json.MAPPER.convertValue(raw, ContainerConfig.class);
  }

  /** The config as dockerd prints it: every classic field present, then fields we only carry. */
  static Map<String, Object> config(ContainerConfig cc) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Hostname", cc.extra().getOrDefault("Hostname", ""));
    m.put("Domainname", cc.extra().getOrDefault("Domainname", ""));
    m.put("User", cc.user() == null ? "" : cc.user());
    m.put("AttachStdin", false);
    m.put("AttachStdout", false);
    m.put("AttachStderr", false);
    if (cc.exposedPorts() != null) {
      m.put("ExposedPorts", cc.exposedPorts());
    }
    m.put("Tty", false);
    m.put("OpenStdin", false);
    m.put("StdinOnce", false);
    m.put("Env", cc.env());
    m.put("Cmd", cc.cmd());
    m.put("Image", cc.extra().getOrDefault("Image", ""));
    m.put("Volumes", cc.volumes());
    m.put("WorkingDir", cc.workingDir() == null ? "" : cc.workingDir());
    m.put("Entrypoint", cc.entrypoint());
    m.put("OnBuild", cc.onBuild());
    m.put("Labels", cc.labels());
    if (cc.stopSignal() != null) {
      m.put("StopSignal", cc.stopSignal());
    }
    cc.extra().forEach(m::putIfAbsent);
    return m;
  }

  /** overlay2's view: the top layer is the upper dir, the others the lower dirs, top first. */
  private static Map<String, String> graphDriverData(StoredImage image, Function<Digest, Path> layerDiff) {
    Map<String, String> data = new LinkedHashMap<>();
    List<Digest> chains = image.chainIds();
    if (chains.isEmpty()) {
      return data;
    }
    Path top = layerDiff.apply(chains.getLast());
    if (chains.size() > 1) {
      List<String> lower = new ArrayList<>();
      for (int i = chains.size() - 2; i >= 0; i--) {
        lower.add(layerDiff.apply(chains.get(i)).toString());
      }
      data.put("LowerDir", String.join(":", lower));
    }
    data.put("MergedDir", top.resolveSibling("merged").toString());
    data.put("UpperDir", top.toString());
    data.put("WorkDir", top.resolveSibling("work").toString());
    return data;
  }

  /** History newest first; the top entry carries the image ID and tags, the rest "<missing>". */
  /**
   * dockerd's history: one row per history entry, newest first, all {@code <missing>}; then, from
   * the top, each row gets the ID and tags of the image, its parent, its grandparent... for as long
   * as that chain is stored locally (a committed image's second row is its base image's).
   */
  static List<HistoryItem> history(StoredImage image, Function<Digest, Optional<StoredImage>> images,
      Function<Digest, List<ImageReference>> references) {
    List<HistoryEntry> entries = new ArrayList<>(image.config().historyOrEmpty());
    if (entries.isEmpty()) {
      image.layers().forEach(l -> entries.add(new HistoryEntry(image.config().created(), "", null, "", null)));
    }
    List<HistoryItem> items = new ArrayList<>();
    int layer = 0;
    for (HistoryEntry e : entries) {
      long size = 0;
      if (!e.isEmptyLayer() && layer < image.layers().size()) {
        size = image.layers().get(layer++).size();
      }
      items.add(new HistoryItem(e.comment() == null ? "" : e.comment(), createdSeconds(e.created()),
          e.createdBy() == null ? "" : e.createdBy(), "<missing>", size, null));
    }
    java.util.Collections.reverse(items);
    StoredImage current = image;
    for (int row = 0; row < items.size() && current != null; row++) {
      HistoryItem item = items.get(row);
      List<String> tags = repoTags(references.apply(current.id()));
      items.set(row, new HistoryItem(item.comment(), item.created(), item.createdBy(), current.id().toString(),
          item.size(), tags.isEmpty() ? null : tags));
      current = current.parent().flatMap(images).orElse(null);
    }
    return items;
  }

  static long createdSeconds(String created) {
    return Timestamps.parse(created).map(Instant::getEpochSecond).orElse(0L);
  }
}
