package io.jdocker.daemon.engine.containers;

import io.jdocker.image.commit.ImageCommitter;
import io.jdocker.image.ref.Digest;
import java.io.IOException;
import java.util.Optional;

/**
 * The container engine's images, connected after it opened: the image engine opens after the
 * container engine, because it asks the container engine which images are in use.
 */
final class LateImages implements ImageSource {
  private volatile ImageSource source;

  void use(ImageSource images) {
    this.source = images;
  }

  private ImageSource source() {
    if (source == null) {
      throw new IllegalStateException("the image engine is not open yet");
    }
    return source;
  }

  @Override
  public Image resolve(String reference) {
    return source().resolve(reference);
  }

  @Override
  public Optional<Image> find(String reference) {
    return source().find(reference);
  }

  @Override
  public long size(String imageId) {
    return source().size(imageId);
  }

  @Override
  public Digest commit(ImageCommitter.Request request) throws IOException {
    return source().commit(request);
  }
}
