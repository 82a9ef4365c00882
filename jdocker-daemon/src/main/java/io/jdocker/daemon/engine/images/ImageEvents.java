package io.jdocker.daemon.engine.images;

import io.jdocker.daemon.engine.events.Event;
import io.jdocker.daemon.engine.events.EventBus;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.store.ImageStore;
import java.util.HashMap;
import java.util.Map;

/** Image events as dockerd's LogImageEvent emits them: the image's labels plus {@code name}. */
final class ImageEvents {
  private final EventBus bus;
  private final ImageStore store;

  ImageEvents(EventBus bus, ImageStore store) {
    this.bus = bus;
    this.store = store;
  }

  void publish(String action, Digest id, String name) {
    bus.publish(Event.now("image", action, id.toString(), attributes(id, name)));
  }

  /**
   * An event whose actor is a reference, not an image ID: dockerd logs pull and push as
   * {@code busybox:latest} with {@code name=busybox}.
   *
   * @param image the image whose labels to add, or null
   */
  void publishReference(String action, ImageReference ref, Digest image) {
    bus.publish(Event.now("image", action, ref.familiarString(), attributes(image, ref.familiarName())));
  }

  private Map<String, String> attributes(Digest image, String name) {
    Map<String, String> attributes = new HashMap<>();
    if (image != null) {
      store.image(image).ifPresent(i -> attributes.putAll(i.config().configOrEmpty().labelsOrEmpty()));
    }
    attributes.put("name", name);
    return attributes;
  }
}
