package io.jdocker.image.registry;

import io.jdocker.image.ref.Digest;
import java.util.ArrayList;
import java.util.List;

/** Records every progress call, as "id: status" lines (with "current/total" for counted steps). */
final class RecordingProgress implements ProgressSink {
  record Call(String id, String status, long current, long total) {
    String line() {
      String head = (id == null ? "" : id + ": ") + status;
      return current < 0 ? head : head + " " + current + "/" + total;
    }
  }

  private final List<Call> calls = new ArrayList<>();

  @Override
  public synchronized void message(String id, String status) {
    calls.add(new Call(id, status, -1, -1));
  }

  @Override
  public synchronized void layer(String id, String status, long current, long total) {
    calls.add(new Call(id, status, current, total));
  }

  @Override
  public synchronized void pushed(String tag, Digest digest, long size) {
    calls.add(new Call(null, tag + ": digest: " + digest + " size: " + size, -1, -1));
  }

  synchronized List<String> lines() {
    return calls.stream().map(Call::line).toList();
  }

  /** The lines of one id, in order, without the id. */
  synchronized List<String> of(String id) {
    return calls.stream().filter(c -> id.equals(c.id()))
        .map(c -> new Call(null, c.status(), c.current(), c.total()).line()).toList();
  }

  synchronized boolean isEmpty() {
    return calls.isEmpty();
  }
}
