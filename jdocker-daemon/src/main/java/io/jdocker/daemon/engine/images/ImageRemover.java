package io.jdocker.daemon.engine.images;

import io.jdocker.errdefs.ConflictException;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.store.ImageResolver;
import io.jdocker.image.store.ImageStore;
import io.jdocker.image.store.StoredImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code docker rmi}, following dockerd's image_delete.go: a name is untagged first and the image
 * goes only with its last reference; an ID deletes the image unless it is referenced elsewhere
 * (soft conflict, overridden by force) or used by a running container or a child (hard).
 */
final class ImageRemover {
  private static final int CHILD = 1;
  private static final int RUNNING = 2;
  private static final int ACTIVE_REFERENCE = 4;
  private static final int STOPPED = 8;
  private static final int HARD = CHILD | RUNNING;
  private static final int SOFT = ACTIVE_REFERENCE | STOPPED;

  private final ImageStore store;
  private final ImageResolver resolver;
  private final ContainerImageUsage usage;
  private final ImageEvents events;

  ImageRemover(ImageStore store, ContainerImageUsage usage, ImageEvents events) {
    this.store = store;
    this.resolver = new ImageResolver(store);
    this.usage = usage;
    this.events = events;
  }

  private record Conflict(boolean hard, boolean used, String message) {}

  List<DeleteItem> remove(String refOrId, boolean force, boolean prune) throws IOException {
    StoredImage image = resolver.resolve(refOrId);
    Digest id = image.id();
    List<ImageReference> repoRefs = store.references(id);
    List<DeleteItem> records = new ArrayList<>();
    boolean removedRepositoryRef = false;
    if (!ImageResolver.isIdPrefix(id, refOrId)) {
      Optional<ContainerImageUsage.User> user = usage.usersOf(id).stream().findFirst();
      if (user.isPresent() && repoRefs.size() == 1 && !force) {
        throw new ConflictException("conflict: unable to remove repository reference \"" + refOrId
            + "\" (must force) - container " + user.get().shortId() + " is using its referenced image " + id.shortId());
      }
      ImageReference parsed = ImageReference.parse(refOrId).withDefaultTag();
      untag(id, parsed, records);
      repoRefs = store.references(id);
      if (!parsed.isDigested()) {
        boolean tagLeftInRepo = repoRefs.stream().anyMatch(r -> !r.isDigested() && r.name().equals(parsed.name()));
        if (!tagLeftInRepo) {
          List<ImageReference> remaining = new ArrayList<>();
          for (ImageReference r : repoRefs) {
            if (r.isDigested() && r.name().equals(parsed.name())) {
              untag(id, r, records);
            } else {
              remaining.add(r);
            }
          }
          repoRefs = remaining;
        }
      }
      if (!repoRefs.isEmpty()) {
        return records;
      }
      removedRepositoryRef = true;
    } else if (isSingleReference(repoRefs)) {
      int mask = HARD | (force ? 0 : SOFT & ~ACTIVE_REFERENCE);
      Conflict conflict = check(id, mask);
      if (conflict != null) {
        throw conflictException(id, conflict);
      }
      for (ImageReference r : repoRefs) {
        untag(id, r, records);
      }
    }
    deleteImage(id, records, force, prune, removedRepositoryRef);
    return records;
  }

  private void untag(Digest id, ImageReference ref, List<DeleteItem> records) throws IOException {
    store.untag(ref);
    records.add(DeleteItem.untagged(ref.familiarString()));
    events.publish("untag", id, id.toString());
  }

  private void deleteImage(Digest id, List<DeleteItem> records, boolean force, boolean prune, boolean quiet)
      throws IOException {
    Optional<StoredImage> image = store.image(id);
    if (image.isEmpty()) {
      return;
    }
    Conflict conflict = check(id, HARD | (force ? 0 : SOFT));
    if (conflict != null) {
      if (quiet && (!isDangling(id) || conflict.used())) {
        return;
      }
      throw conflictException(id, conflict);
    }
    Optional<Digest> parent = image.get().parent();
    for (ImageReference r : store.references(id)) {
      untag(id, r, records);
    }
    List<Digest> removedLayers = store.delete(id);
    events.publish("delete", id, id.toString());
    records.add(DeleteItem.deleted(id.toString()));
    removedLayers.forEach(l -> records.add(DeleteItem.deleted(l.toString())));
    if (prune && parent.isPresent()) {
      deleteImage(parent.get(), records, false, true, true);
    }
  }

  private Conflict check(Digest id, int mask) {
    if ((mask & CHILD) != 0 && store.images().stream().anyMatch(i -> i.parent().map(id::equals).orElse(false))) {
      return new Conflict(true, false, "image has dependent child images");
    }
    List<ContainerImageUsage.User> users = usage.usersOf(id);
    if ((mask & RUNNING) != 0) {
      Optional<ContainerImageUsage.User> running = users.stream().filter(ContainerImageUsage.User::running).findFirst();
      if (running.isPresent()) {
        return new Conflict(true, true, "image is being used by running container " + running.get().shortId());
      }
    }
    if ((mask & ACTIVE_REFERENCE) != 0 && !store.references(id).isEmpty()) {
      return new Conflict(false, false, "image is referenced in multiple repositories");
    }
    if ((mask & STOPPED) != 0) {
      Optional<ContainerImageUsage.User> stopped = users.stream().filter(u -> !u.running()).findFirst();
      if (stopped.isPresent()) {
        return new Conflict(false, true, "image is being used by stopped container " + stopped.get().shortId());
      }
    }
    return null;
  }

  private static ConflictException conflictException(Digest id, Conflict c) {
    return new ConflictException("conflict: unable to delete " + id.shortId() + " ("
        + (c.hard() ? "cannot be forced" : "must be forced") + ") - " + c.message());
  }

  private boolean isDangling(Digest id) {
    return store.references(id).isEmpty()
        && store.images().stream().noneMatch(i -> i.parent().map(id::equals).orElse(false));
  }

  /** One tag, possibly with digest references of the same repository: deleting by ID may untag them. */
  static boolean isSingleReference(List<ImageReference> repoRefs) {
    if (repoRefs.size() <= 1) {
      return repoRefs.size() == 1;
    }
    ImageReference single = null;
    Set<String> canonicalRepos = new HashSet<>();
    for (ImageReference r : repoRefs) {
      if (r.isDigested()) {
        canonicalRepos.add(r.name());
      } else if (single == null) {
        single = r;
      } else {
        return false;
      }
    }
    if (single == null) {
      single = repoRefs.getFirst();
    }
    return canonicalRepos.size() == 1 && canonicalRepos.contains(single.name());
  }
}
