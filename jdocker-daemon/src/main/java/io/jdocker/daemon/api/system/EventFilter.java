package io.jdocker.daemon.api.system;

import io.jdocker.daemon.api.Filters;
import io.jdocker.daemon.engine.events.Event;
import java.util.Map;
import java.util.Set;

/**
 * dockerd's event filters (daemon/events/filter.go): every present key must match. {@code event}
 * matches the action (also "exec_start" for "exec_start: sh"); {@code container}, {@code network}
 * and {@code volume} match the actor by full name or ID prefix; {@code image} by ID or name with
 * or without tag; {@code label} by key or key=value among the attributes.
 */
record EventFilter(Filters filters) {

  boolean matches(Event e) {
    return exact("type", e.type())
        && matchesAction(e.action())
        && exact("scope", "local")
        && actor("container", e)
        && actor("network", e)
        && actor("volume", e)
        && matchesImage(e)
        && matchesLabels(e.attributes());
  }

  private boolean exact(String key, String value) {
    return !filters.has(key) || filters.values(key).contains(value);
  }

  private boolean matchesAction(String action) {
    if (!filters.has("event")) {
      return true;
    }
    int colon = action.indexOf(':');
    return filters.values("event").contains(action)
        || colon > 0 && filters.values("event").contains(action.substring(0, colon));
  }

  private boolean actor(String key, Event e) {
    if (!filters.has(key)) {
      return true;
    }
    String name = e.attributes().getOrDefault("name", "");
    for (String wanted : filters.values(key)) {
      if (wanted.equals(name) || !wanted.isEmpty() && e.id().startsWith(wanted)) {
        return true;
      }
    }
    return false;
  }

  private boolean matchesImage(Event e) {
    if (!filters.has("image")) {
      return true;
    }
    String image = e.type().equals("image") ? e.attributes().getOrDefault("name", e.id())
        : e.attributes().getOrDefault("image", "");
    Set<String> wanted = filters.values("image");
    return wanted.contains(e.id()) || wanted.contains(image) || wanted.contains(stripTag(image));
  }

  private boolean matchesLabels(Map<String, String> attributes) {
    for (String label : filters.values("label")) {
      int eq = label.indexOf('=');
      String key = eq < 0 ? label : label.substring(0, eq);
      String value = attributes.get(key);
      if (value == null || eq >= 0 && !value.equals(label.substring(eq + 1))) {
        return false;
      }
    }
    return true;
  }

  /** "busybox:latest" → "busybox"; a registry port is not a tag. */
  static String stripTag(String image) {
    int at = image.indexOf('@');
    String name = at < 0 ? image : image.substring(0, at);
    int colon = name.lastIndexOf(':');
    return colon > name.lastIndexOf('/') ? name.substring(0, colon) : name;
  }
}
