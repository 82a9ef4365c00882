package io.jdocker.daemon.api.images;

import io.jdocker.daemon.api.Filters;
import io.jdocker.daemon.engine.images.DeleteItem;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.store.StoredImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/** What the image handlers need from the engine; the handlers never see the store itself. */
public interface ImagesBackend {
  List<StoredImage> list(boolean all, Filters filters);

  StoredImage inspect(String refOrId);

  /** The stored image with this ID, if any (history follows parents with it). */
  java.util.Optional<StoredImage> find(Digest id);

  List<ImageReference> references(Digest id);

  /** The unpacked directory of a layer (for GraphDriver data). */
  Path layerDiff(Digest chainId);

  void tag(String source, String repo, String tag) throws IOException;

  List<DeleteItem> remove(String refOrId, boolean force, boolean noPrune) throws IOException;

  Digest importImage(InputStream rootfs, String repo, String tag, String message, List<String> changes)
      throws IOException;

  /** Resolves the names (failing before any byte is sent) and returns the writer of the archive. */
  SaveJob prepareSave(List<String> names);

  /** Loads an archive; returns the progress lines ("Loaded image: busybox:latest\n"). */
  List<String> load(InputStream archive) throws IOException;

  /** Streams a save archive once the names are known to exist. */
  @FunctionalInterface
  interface SaveJob {
    void writeTo(OutputStream out) throws IOException;
  }
}
