package io.jdocker.daemon.api.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.daemon.api.Filters;
import io.jdocker.daemon.engine.events.Event;
import io.jdocker.errdefs.InvalidParameterException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFilterTest {
  private final Event containerStart = new Event("container", "start", "abcdef123",
      Map.of("name", "web", "image", "busybox:latest", "com.example", "x"), 1);
  private final Event execStart = new Event("container", "exec_start: sh -c true", "abcdef123",
      Map.of("name", "web"), 1);
  private final Event imagePull = new Event("image", "pull", "127.0.0.1:5000/a:1",
      Map.of("name", "127.0.0.1:5000/a"), 1);

  private static boolean matches(String filters, Event e) {
    return new EventFilter(Filters.parse(filters)).matches(e);
  }

  @Test
  void typeAndEvent() {
    assertTrue(matches("{\"type\":{\"container\":true}}", containerStart));
    assertFalse(matches("{\"type\":{\"container\":true}}", imagePull));
    assertTrue(matches("{\"event\":{\"exec_start\":true}}", execStart));
    assertFalse(matches("{\"event\":{\"stop\":true}}", containerStart));
  }

  @Test
  void containerByNameOrIdPrefix() {
    assertTrue(matches("{\"container\":{\"web\":true}}", containerStart));
    assertTrue(matches("{\"container\":{\"abc\":true}}", containerStart));
    assertFalse(matches("{\"container\":{\"we\":true}}", containerStart));
  }

  @Test
  void imageWithOrWithoutTagKeepingRegistryPort() {
    assertTrue(matches("{\"image\":{\"busybox\":true}}", containerStart));
    assertTrue(matches("{\"image\":{\"busybox:latest\":true}}", containerStart));
    assertTrue(matches("{\"image\":{\"127.0.0.1:5000/a\":true}}", imagePull));
    assertEquals("127.0.0.1:5000/a", EventFilter.stripTag("127.0.0.1:5000/a"));
  }

  @Test
  void labelKeyOrKeyValue() {
    assertTrue(matches("{\"label\":{\"com.example\":true}}", containerStart));
    assertTrue(matches("{\"label\":{\"com.example=x\":true}}", containerStart));
    assertFalse(matches("{\"label\":{\"com.example=y\":true}}", containerStart));
  }

  @Test
  void timestampsInDockerFormats() {
    assertEquals(1_700_000_000_000_000_000L, EventsHandler.parseTime("since", "1700000000"));
    assertEquals(1_700_000_000_500_000_000L, EventsHandler.parseTime("since", "1700000000.5"));
    assertEquals(1_700_000_000_000_000_001L, EventsHandler.parseTime("since", "1700000000.000000001"));
    assertEquals(1_700_000_000_000_000_000L, EventsHandler.parseTime("since", "2023-11-14T22:13:20Z"));
    assertThrows(InvalidParameterException.class, () -> EventsHandler.parseTime("since", "yesterday"));
  }
}
