package io.jdocker.daemon.engine.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Fan-out of engine events to {@code /events} subscribers, with a bounded history so
 * {@code since=} can replay recent events. Publishing never blocks on a slow subscriber: each
 * subscriber is expected to queue.
 */
public final class EventBus {
  private static final int HISTORY = 1024;

  private final List<Consumer<Event>> subscribers = new CopyOnWriteArrayList<>();
  private final java.util.ArrayDeque<Event> history = new java.util.ArrayDeque<>();

  public void publish(Event event) {
    synchronized (history) {
      if (history.size() == HISTORY) {
        history.removeFirst();
      }
      history.addLast(event);
    }
    for (Consumer<Event> s : subscribers) {
      s.accept(event);
    }
  }

  /** Events kept in memory, oldest first. */
  public List<Event> history() {
    synchronized (history) {
      return List.copyOf(history);
    }
  }

  public AutoCloseable subscribe(Consumer<Event> subscriber) {
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }
}
