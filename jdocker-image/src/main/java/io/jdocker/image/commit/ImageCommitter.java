package io.jdocker.image.commit;

import io.jdocker.errdefs.NotFoundException;
import io.jdocker.image.layer.LayerPacker;
import io.jdocker.image.layer.TarWriter;
import io.jdocker.image.oci.ImageConfig;
import io.jdocker.image.oci.Json;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.store.ImageStore;
import io.jdocker.image.store.LayerRecord;
import io.jdocker.image.store.PreparedLayer;
import io.jdocker.image.store.StoredImage;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * {@code docker commit}'s image side: packs a container's upper dir as a layer on top of its
 * image's layers, writes the child config ({@link ChildImage}) and makes it visible through
 * {@link ImageStore#commit}, tagged when asked. The tar is streamed from the packer into the
 * store through a pipe, so it is written once.
 */
public final class ImageCommitter {
  private static final int PIPE_BUFFER = 1 << 20;

  private final ImageStore store;
  private final LayerPacker packer;
  private final Clock clock;

  public ImageCommitter(ImageStore store) {
    this(store, LayerPacker.create(), Clock.systemUTC());
  }

  ImageCommitter(ImageStore store, LayerPacker packer, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.packer = Objects.requireNonNull(packer, "packer");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param parent the container's image, or null for none
   * @param changes the container's upper dir (overlay form); null or a missing dir is an empty diff
   * @param skip names under {@code changes} to leave out (see {@link LayerPacker#pack})
   * @param tag the reference to point at the new image, or null for a dangling image
   */
  public record Request(Digest parent, Path changes, Predicate<String> skip, ChildConfig child, ImageReference tag) {
    public Request {
      skip = skip == null ? name -> false : skip;
      Objects.requireNonNull(child, "child");
    }
  }

  public ImageStore.CommitResult commit(Request request) throws IOException {
    StoredImage parent = request.parent() == null ? null : store.image(request.parent())
        .orElseThrow(() -> new NotFoundException("No such image: " + request.parent()));
    List<PreparedLayer> layers = new ArrayList<>();
    Digest parentChain = null;
    if (parent != null) {
      for (LayerRecord layer : parent.layers()) {
        layers.add(reuse(layer));
      }
      parentChain = parent.layers().isEmpty() ? null : parent.chainIds().getLast();
    }
    PreparedLayer top;
    try {
      top = prepare(request.changes(), request.skip(), parentChain);
    } catch (IOException | RuntimeException e) {
      store.discard(layers);
      throw e;
    }
    ImageConfig config = ChildImage.of(parent == null ? null : parent.config(), request.child(), top.diffId(),
        clock.instant());
    if (top.diffId().equals(ChildImage.EMPTY_LAYER)) {
      store.discard(List.of(top));
    } else {
      layers.add(top);
    }
    return store.commit(Json.write(config), layers, parent == null ? null : parent.id(),
        request.tag() == null ? List.of() : List.of(request.tag()), true);
  }

  /**
   * A layer the store already has: no tar of its own (the store keeps the one it has and deletes
   * the missing temp path) and no unpacked dir (the chain exists).
   */
  private PreparedLayer reuse(LayerRecord layer) {
    return new PreparedLayer(layer.diff(), layer.chain(), layer.parentChain().orElse(null),
        store.layout().newTemp("reused"), null, 0);
  }

  /**
   * Packs on a virtual thread straight into {@link ImageStore#prepareLayer}. The packer settles its
   * result before it closes the pipe, so when the reader fails it can tell whether the packer
   * failed first (its error is the cause) or was stopped by the reader closing the pipe.
   */
  private PreparedLayer prepare(Path changes, Predicate<String> skip, Digest parentChain) throws IOException {
    PipedInputStream in = new PipedInputStream(PIPE_BUFFER);
    PipedOutputStream out = new PipedOutputStream(in);
    CompletableFuture<Void> packed = new CompletableFuture<>();
    Thread.ofVirtual().name("commit-pack").start(() -> {
      try {
        if (changes != null && Files.isDirectory(changes)) {
          packer.pack(changes, out, skip);
        } else {
          new TarWriter(out).finish(); // never started: nothing changed
        }
        packed.complete(null);
      } catch (Throwable t) { // even an Error must settle the future, or the commit would wait forever
        packed.completeExceptionally(t);
      } finally {
        closeQuietly(out);
      }
    });
    PreparedLayer layer;
    try {
      layer = store.prepareLayer(in, parentChain, null, "container layer");
    } catch (IOException | RuntimeException e) {
      boolean packerFailedFirst = packed.isCompletedExceptionally();
      closeQuietly(in); // a packer still writing gets "Pipe closed"
      Throwable packerFailure = failureOf(packed);
      if (packerFailedFirst && packerFailure != null) {
        throw rethrow(packerFailure);
      }
      throw e;
    }
    closeQuietly(in);
    Throwable failure = failureOf(packed);
    if (failure != null) {
      // A packer that failed half-way closed the pipe like one that finished: the tar is short.
      store.discard(List.of(layer));
      throw rethrow(failure);
    }
    return layer;
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // a pipe end: nothing is lost
    }
  }

  /** Waits for the packer; its failure, or null when it finished. */
  private static Throwable failureOf(CompletableFuture<Void> packed) {
    try {
      packed.get();
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new InterruptedIOException("interrupted while packing the container's changes");
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  /** {@code failure} as thrown: an IOException is returned for the caller to throw, the rest thrown here. */
  private static IOException rethrow(Throwable failure) {
    if (failure instanceof IOException io) {
      return io;
    }
    if (failure instanceof UncheckedIOException u) {
      return u.getCause();
    }
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    return new IOException(failure);
  }
}
