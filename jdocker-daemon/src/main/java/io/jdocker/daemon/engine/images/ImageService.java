package io.jdocker.daemon.engine.images;

import io.jdocker.daemon.api.Filters;
import io.jdocker.daemon.api.images.ImagesBackend;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.image.archive.ImageLoader;
import io.jdocker.image.archive.ImageSaver;
import io.jdocker.image.commit.ImageCommitter;
import io.jdocker.image.imports.ImageImporter;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.store.ImageResolver;
import io.jdocker.image.store.ImageStore;
import io.jdocker.image.store.StoredImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The image engine behind the image routes: store operations plus events. */
public final class ImageService implements ImagesBackend {
  private final ImageStore store;
  private final ImageResolver resolver;
  private final ImageEvents events;
  private final ImageRemover remover;
  /** Serialises tag and rmi, whose checks and updates span several store calls. */
  private final Object referenceLock = new Object();

  public ImageService(ImageStore store, io.jdocker.daemon.engine.events.EventBus bus, ContainerImageUsage usage) {
    this.store = store;
    this.resolver = new ImageResolver(store);
    this.events = new ImageEvents(bus, store);
    this.remover = new ImageRemover(store, usage, events);
  }

  public ImageStore store() {
    return store;
  }

  @Override
  public List<StoredImage> list(boolean all, Filters filters) {
    return ImageListFilter.select(store, all, filters);
  }

  @Override
  public StoredImage inspect(String refOrId) {
    return resolver.resolve(refOrId);
  }

  @Override
  public java.util.Optional<StoredImage> find(Digest id) {
    return store.image(id);
  }

  @Override
  public List<ImageReference> references(Digest id) {
    return store.references(id);
  }

  @Override
  public Path layerDiff(Digest chainId) {
    return store.layerDiff(chainId);
  }

  @Override
  public void tag(String source, String repo, String tag) throws IOException {
    ImageReference ref = repoTag(repo, tag);
    if (ref.familiarName().equals("sha256")) {
      throw new InvalidParameterException("refusing to create an ambiguous tag using digest algorithm as name");
    }
    synchronized (referenceLock) {
      StoredImage image = resolver.resolve(source);
      store.tag(ref, image.id());
      events.publish("tag", image.id(), ref.familiarString());
    }
  }

  @Override
  public List<DeleteItem> remove(String refOrId, boolean force, boolean noPrune) throws IOException {
    synchronized (referenceLock) {
      return remover.remove(refOrId, force, !noPrune);
    }
  }

  @Override
  public Digest importImage(InputStream rootfs, String repo, String tag, String message, List<String> changes)
      throws IOException {
    ImageReference ref = repo == null || repo.isEmpty() ? null : repoTag(repo, tag);
    String comment = message == null || message.isEmpty() ? "Imported from -" : message;
    ImageStore.CommitResult result = new ImageImporter(store).importTar(rootfs, ref, comment, changes);
    Digest id = result.image().id();
    if (ref != null) {
      events.publish("tag", id, ref.familiarString());
    }
    events.publish("import", id, id.toString());
    return id;
  }

  /** docker commit's image side; a tag is announced as dockerd's TagImage does. */
  public Digest commit(ImageCommitter.Request request) throws IOException {
    Digest id = new ImageCommitter(store).commit(request).image().id();
    if (request.tag() != null) {
      events.publish("tag", id, request.tag().familiarString());
    }
    return id;
  }

  @Override
  public ImagesBackend.SaveJob prepareSave(List<String> names) {
    if (names.isEmpty()) {
      throw new InvalidParameterException("no images named to save");
    }
    ImageSaver saver = new ImageSaver(store);
    Map<StoredImage, List<ImageReference>> selected = saver.select(names);
    return out -> {
      saver.write(selected, out);
      selected.keySet().forEach(i -> events.publish("save", i.id(), i.id().toString()));
    };
  }

  @Override
  public List<String> load(InputStream archive) throws IOException {
    List<String> messages = new ArrayList<>();
    for (ImageLoader.Loaded loaded : new ImageLoader(store).load(archive)) {
      loaded.movedFrom().forEach((ref, old) -> messages.add("The image " + ref.familiarString()
          + " already exists, renaming the old one with ID " + old + " to empty string\n"));
      if (loaded.tags().isEmpty()) {
        messages.add("Loaded image ID: " + loaded.id() + "\n");
        events.publish("load", loaded.id(), loaded.id().toString());
      }
      for (ImageReference tag : loaded.tags()) {
        messages.add("Loaded image: " + tag.familiarString() + "\n");
        events.publish("load", loaded.id(), tag.familiarString());
      }
    }
    return messages;
  }

  /**
   * dockerd's RepoTagReference: repo may carry a tag; a separate tag wins; bare names get latest.
   * Also checked before a commit, which tags the image it makes.
   */
  public static ImageReference repoTag(String repo, String tag) {
    if (repo == null || repo.isEmpty()) {
      throw new InvalidParameterException("repository name must have at least one component");
    }
    ImageReference ref = ImageReference.parse(repo);
    if (ref.isDigested()) {
      throw new InvalidParameterException("cannot import digest reference");
    }
    return tag != null && !tag.isEmpty() ? ref.withTag(tag) : ref.withDefaultTag();
  }
}
