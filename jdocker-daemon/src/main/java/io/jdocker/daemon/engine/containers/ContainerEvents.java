package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.container.Container;
import io.jdocker.daemon.engine.events.Event;
import io.jdocker.daemon.engine.events.EventBus;
import java.util.LinkedHashMap;
import java.util.Map;

/** Container events as dockerd publishes them: Actor ID = full ID, attributes = labels, image, name (+ extras). */
final class ContainerEvents {
  private final EventBus bus;

  ContainerEvents(EventBus bus) {
    this.bus = bus;
  }

  void publish(Container c, String action) {
    publish(c, action, Map.of());
  }

  void publish(Container c, String action, Map<String, String> extra) {
    Map<String, String> attributes = new LinkedHashMap<>(c.config().labelsOrEmpty());
    attributes.put("image", c.config().image());
    attributes.put("name", c.name());
    attributes.putAll(extra);
    bus.publish(Event.now("container", action, c.id().value(), attributes));
  }
}
