package io.jdocker.daemon.engine.images;

import io.jdocker.daemon.engine.events.Event;
import io.jdocker.daemon.engine.events.EventBus;
import io.jdocker.image.ref.Digest;
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
    Map<String, String> attributes = new HashMap<>();
    store.image(id).ifPresent(i -> attributes.putAll(i.config().configOrEmpty().labelsOrEmpty()));
    attributes.put("name", name);
    bus.publish(Event.now("image", action, id.toString(), attributes));
  }
}
