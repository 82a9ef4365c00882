package io.jdocker.daemon.api.system;

import io.jdocker.daemon.api.ApiJson;
import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.Handler;
import io.jdocker.daemon.engine.events.Event;
import io.jdocker.daemon.engine.events.EventBus;
import io.jdocker.errdefs.InvalidParameterException;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /events}: headers at once, then one JSON line per event. With {@code since} or
 * {@code until} the history is replayed first; an {@code until} in the past ends the stream
 * after that, a future one when it passes. The subscription ends when the client goes away.
 */
final class EventsHandler implements Handler {
  /** Put in the queue when the client disconnects. */
  private static final Event CLIENT_GONE = new Event("", "", "", java.util.Map.of(), 0);

  private final EventBus bus;
  private final AtomicInteger listeners = new AtomicInteger();

  EventsHandler(EventBus bus) {
    this.bus = bus;
  }

  int listenerCount() {
    return listeners.get();
  }

  @Override
  public void handle(ApiRequest request, ApiResponse response) throws IOException, InterruptedException {
    Optional<Long> since = request.query("since").filter(s -> !s.isEmpty()).map(s -> parseTime("since", s));
    Optional<Long> until = request.query("until").filter(s -> !s.isEmpty()).map(s -> parseTime("until", s));
    EventFilter filter = new EventFilter(request.filters());
    BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    // Subscribe before reading the history so nothing falls between the two.
    try (AutoCloseable subscription = bus.subscribe(queue::add)) {
      listeners.incrementAndGet();
      request.onDisconnect(() -> queue.add(CLIENT_GONE));
      OutputStream out = response.stream(200, "application/json");
      Set<Event> replayed = Collections.newSetFromMap(new IdentityHashMap<>());
      if (since.isPresent() || until.isPresent()) {
        for (Event e : bus.history()) {
          if (e.timeNano() >= since.orElse(0L) && e.timeNano() <= until.orElse(Long.MAX_VALUE)
              && filter.matches(e)) {
            write(out, e);
            replayed.add(e);
          }
        }
      }
      out.flush();
      if (until.isPresent() && until.get() <= nowNanos()) {
        out.close();
        return;
      }
      while (true) {
        Event e = until.isEmpty()
            ? queue.take()
            : queue.poll(Math.max(0, until.get() - nowNanos()), TimeUnit.NANOSECONDS);
        if (e == null || e == CLIENT_GONE || until.isPresent() && e.timeNano() > until.get()) {
          break;
        }
        if (!replayed.contains(e) && filter.matches(e)) {
          write(out, e);
          out.flush();
        }
      }
      out.close();
    } catch (IOException | InterruptedException | RuntimeException e) {
      throw e;
    } catch (Exception closeFailure) {
      throw new IOException(closeFailure);
    } finally {
      listeners.decrementAndGet();
    }
  }

  private static void write(OutputStream out, Event e) throws IOException {
    out.write(ApiJson.line(EventMessage.of(e)));
  }

  private static long nowNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /** dockerd's timestamps: seconds with optional fraction ("1700000000.123"), or RFC 3339. */
  static long parseTime(String name, String value) {
    try {
      int dot = value.indexOf('.');
      if (dot < 0) {
        return Math.multiplyExact(Long.parseLong(value), 1_000_000_000L);
      }
      long seconds = Long.parseLong(value.substring(0, dot));
      String fraction = (value.substring(dot + 1) + "000000000").substring(0, 9);
      return seconds * 1_000_000_000L + Long.parseLong(fraction);
    } catch (NumberFormatException | ArithmeticException notNumeric) {
      try {
        Instant t = Instant.parse(value);
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
      } catch (DateTimeParseException e) {
        throw new InvalidParameterException("invalid value for " + name + ": \"" + value
            + "\" is neither a Unix timestamp nor an RFC 3339 time");
      }
    }
  }
}
