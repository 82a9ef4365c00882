package io.jdocker.image.archive;

import com.fasterxml.jackson.core.type.TypeReference;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.image.oci.Json;
import io.jdocker.image.ref.ImageReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads manifest.json (docker save of any version) and the files it names. */
final class DockerArchiveReader {
  static final String MANIFEST = "manifest.json";

  private DockerArchiveReader() {}

  static List<ArchiveImage> read(Path root) throws IOException {
    byte[] json = ArchivePaths.readSmall(root, MANIFEST, "file");
    List<DockerArchiveManifest> items;
    try {
      items = Json.MAPPER.readValue(json, new TypeReference<List<DockerArchiveManifest>>() {});
    } catch (IOException e) {
      throw new InvalidParameterException("invalid image archive: manifest.json: " + e.getMessage(), e);
    }
    if (items == null || items.isEmpty()) {
      throw new InvalidParameterException("invalid image archive: manifest.json lists no images");
    }
    List<ArchiveImage> images = new ArrayList<>();
    for (DockerArchiveManifest item : items) {
      if (item == null || item.config() == null) {
        throw new InvalidParameterException("invalid image archive: manifest.json entry without Config");
      }
      byte[] config = ArchivePaths.readSmall(root, item.config(), "config");
      List<ArchiveImage.Layer> layers = new ArrayList<>();
      for (String name : item.layers() == null ? List.<String>of() : item.layers()) {
        layers.add(new ArchiveImage.Layer(name, ArchivePaths.existingFile(root, name, "layer"), null, -1));
      }
      images.add(new ArchiveImage(item.config(), config, layers, tags(item.repoTags())));
    }
    return images;
  }

  private static List<ImageReference> tags(List<String> repoTags) {
    List<ImageReference> tags = new ArrayList<>();
    for (String repoTag : repoTags == null ? List.<String>of() : repoTags) {
      ImageReference ref;
      try {
        ref = ImageReference.parse(repoTag);
      } catch (InvalidParameterException e) {
        throw new InvalidParameterException("invalid tag \"" + repoTag + "\" in manifest.json: " + e.getMessage(), e);
      }
      if (ref.tag() == null || ref.isDigested()) {
        throw new InvalidParameterException("invalid tag \"" + repoTag + "\" in manifest.json");
      }
      tags.add(ref);
    }
    return tags;
  }
}
