package io.jdocker.cli.format;

import io.jdocker.cli.model.JsonFields;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

/** The default line {@code docker events} prints for one event. */
public final class EventLine {
  private EventLine() {}

  /** "2026-…Z container create ID (image=busybox, name=x)". */
  public static String format(Map<String, Object> event, ZoneId zone) {
    StringBuilder sb = new StringBuilder();
    long timeNano = JsonFields.number(event, "timeNano", 0);
    long time = JsonFields.number(event, "time", 0);
    if (timeNano != 0) {
      sb.append(GoTime.rfc3339NanoFixed(timeNano, zone)).append(' ');
    } else if (time != 0) {
      sb.append(GoTime.rfc3339NanoFixed(time * 1_000_000_000L, zone)).append(' ');
    }
    Map<String, Object> actor = JsonFields.object(event.get("Actor"));
    sb.append(JsonFields.string(event, "Type")).append(' ')
        .append(JsonFields.string(event, "Action")).append(' ')
        .append(JsonFields.string(actor, "ID"));
    Map<String, Object> attributes = new TreeMap<>(JsonFields.object(actor.get("Attributes")));
    if (!attributes.isEmpty()) {
      StringBuilder attrs = new StringBuilder();
      attributes.forEach((k, v) -> attrs.append(attrs.isEmpty() ? "" : ", ").append(k).append('=').append(GoValues.print(v)));
      sb.append(" (").append(attrs).append(')');
    }
    return sb.toString();
  }
}
