package io.jdocker.image.store;

import io.jdocker.errdefs.NotFoundException;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import java.util.List;
import java.util.Optional;

/**
 * Finds an image by any form a user may type, in dockerd's order: full ID (with or without
 * {@code sha256:}), then a reference (bare names get {@code :latest}), then a unique ID prefix.
 */
public final class ImageResolver {
  private final ImageStore store;

  public ImageResolver(ImageStore store) {
    this.store = store;
  }

  public StoredImage resolve(String refOrId) {
    return find(refOrId).orElseThrow(() -> new NotFoundException("No such image: " + displayName(refOrId)));
  }

  public Optional<StoredImage> find(String refOrId) {
    if (Digest.isHex64(refOrId)) {
      return store.image(new Digest(refOrId));
    }
    if (Digest.isDigest(refOrId)) {
      return store.image(Digest.parse(refOrId));
    }
    ImageReference ref = ImageReference.parse(refOrId).withDefaultTag();
    Optional<StoredImage> byRef = store.lookup(ref).flatMap(store::image);
    if (byRef.isPresent()) {
      return byRef;
    }
    return byIdPrefix(refOrId);
  }

  /** Whether the user named the image by (a prefix of) its ID rather than by a reference. */
  public static boolean isIdPrefix(Digest id, String refOrId) {
    return id.toString().startsWith(refOrId) || id.hex().startsWith(refOrId);
  }

  private Optional<StoredImage> byIdPrefix(String text) {
    String prefix = text.startsWith(Digest.PREFIX) ? text.substring(Digest.PREFIX.length()) : text;
    if (prefix.isEmpty()) {
      return Optional.empty();
    }
    List<StoredImage> matches = store.images().stream().filter(i -> i.id().hex().startsWith(prefix)).toList();
    return matches.size() == 1 ? Optional.of(matches.getFirst()) : Optional.empty();
  }

  /** The name in "No such image: X": references in familiar form with their tag, IDs as typed. */
  public static String displayName(String refOrId) {
    if (Digest.isHex64(refOrId)) {
      return Digest.PREFIX + refOrId;
    }
    if (Digest.isDigest(refOrId)) {
      return refOrId;
    }
    try {
      return ImageReference.parse(refOrId).withDefaultTag().familiarString();
    } catch (RuntimeException e) {
      return refOrId;
    }
  }
}
