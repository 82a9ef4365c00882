package io.jdocker.daemon.engine.containers;

import io.jdocker.errdefs.NotFoundException;
import io.jdocker.image.oci.ContainerConfig;
import java.util.List;
import java.util.Optional;

/** One image, "busybox", whose default command is sh. */
final class FakeImages implements ImageSource {
  static final String BUSYBOX_ID = "sha256:" + "5".repeat(64);

  @Override
  public Image resolve(String reference) {
    return find(reference).orElseThrow(() -> new NotFoundException("No such image: "
        + (reference.contains(":") ? reference : reference + ":latest")));
  }

  @Override
  public Optional<Image> find(String reference) {
    if (reference.equals("busybox") || reference.equals("busybox:latest") || reference.equals(BUSYBOX_ID)) {
      ContainerConfig config = new ContainerConfig(null, null, List.of("PATH=/bin"), null, List.of("sh"), null, null,
          null, null, null, null);
      return Optional.of(new Image(BUSYBOX_ID, config, List.of()));
    }
    return Optional.empty();
  }
}
