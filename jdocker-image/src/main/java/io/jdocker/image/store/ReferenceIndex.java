package io.jdocker.image.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jdocker.image.oci.Json;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * repo:tag and repo@digest → image ID, persisted as repositories.json in dockerd's shape
 * ({@code {"Repositories":{repo:{ref:id}}}}) with fully qualified names. Not thread-safe: the
 * store guards it.
 */
final class ReferenceIndex {
  private final TreeMap<String, Digest> refs = new TreeMap<>();

  record FileFormat(@JsonProperty("Repositories") Map<String, Map<String, String>> repositories) {}

  static ReferenceIndex load(Path file, org.slf4j.Logger log) throws IOException {
    ReferenceIndex index = new ReferenceIndex();
    if (!Files.exists(file)) {
      return index;
    }
    FileFormat format;
    try {
      format = Json.MAPPER.readValue(Files.readAllBytes(file), FileFormat.class);
    } catch (IOException e) {
      // Written by rename only, so this means outside damage; an empty index loses tags, not images.
      log.error("ignoring unreadable reference index {}: {}", file, e.toString());
      return index;
    }
    if (format == null || format.repositories() == null) {
      return index;
    }
    for (Map<String, String> repo : format.repositories().values()) {
      for (Map.Entry<String, String> e : repo.entrySet()) {
        try {
          index.refs.put(ImageReference.parseCanonical(e.getKey()).toString(), Digest.parse(e.getValue()));
        } catch (RuntimeException bad) {
          log.warn("ignoring bad reference {} in {}", e.getKey(), file);
        }
      }
    }
    return index;
  }

  byte[] serialize() {
    Map<String, Map<String, String>> repos = new TreeMap<>();
    refs.forEach((ref, id) -> repos
        .computeIfAbsent(ImageReference.parseCanonical(ref).name(), k -> new TreeMap<>())
        .put(ref, id.toString()));
    return Json.write(new FileFormat(repos));
  }

  Optional<Digest> get(ImageReference ref) {
    return Optional.ofNullable(refs.get(ref.toString()));
  }

  /** Sets ref → id and returns the image it pointed at before, if another. */
  Optional<Digest> put(ImageReference ref, Digest id) {
    Digest old = refs.put(ref.toString(), id);
    return Optional.ofNullable(old).filter(o -> !o.equals(id));
  }

  boolean remove(ImageReference ref) {
    return refs.remove(ref.toString()) != null;
  }

  List<ImageReference> referencesTo(Digest id) {
    List<ImageReference> out = new ArrayList<>();
    refs.forEach((ref, target) -> {
      if (target.equals(id)) {
        out.add(ImageReference.parseCanonical(ref));
      }
    });
    return out;
  }

  Map<String, Digest> all() {
    return Map.copyOf(refs);
  }

  boolean retainImages(java.util.Set<Digest> ids) {
    return refs.values().removeIf(id -> !ids.contains(id));
  }
}
