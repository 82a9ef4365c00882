package io.jdocker.daemon.engine.images;

import io.jdocker.image.oci.Platform;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.registry.ImagePuller;
import io.jdocker.image.registry.ImagePusher;
import io.jdocker.image.registry.ProgressSink;
import io.jdocker.image.registry.RegistryAuth;
import java.io.IOException;
import java.util.List;

/**
 * The image transfers {@link RegistryService} drives: {@link ImagePuller} and {@link ImagePusher}
 * in the daemon, a scripted fake in tests (the engine's own rules, status lines and events, are
 * then tested without a registry).
 */
interface RegistryTransfers {
  ImagePuller.Result pull(ImageReference ref, RegistryAuth auth, Platform platform, ProgressSink progress)
      throws IOException;

  List<ImagePuller.Result> pullAllTags(ImageReference repository, RegistryAuth auth, Platform platform,
      ProgressSink progress) throws IOException;

  void push(ImageReference ref, RegistryAuth auth, ProgressSink progress) throws IOException;

  static RegistryTransfers of(ImagePuller puller, ImagePusher pusher) {
    return new RegistryTransfers() {
      @Override
      public ImagePuller.Result pull(ImageReference ref, RegistryAuth auth, Platform platform, ProgressSink progress)
          throws IOException {
        return puller.pull(ref, auth, platform, progress);
      }

      @Override
      public List<ImagePuller.Result> pullAllTags(ImageReference repository, RegistryAuth auth, Platform platform,
          ProgressSink progress) throws IOException {
        return puller.pullAllTags(repository, auth, platform, progress);
      }

      @Override
      public void push(ImageReference ref, RegistryAuth auth, ProgressSink progress) throws IOException {
        pusher.push(ref, auth, progress);
      }
    };
  }
}
