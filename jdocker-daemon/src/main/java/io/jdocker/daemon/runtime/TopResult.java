package io.jdocker.daemon.runtime;

import java.util.List;

/** {@code docker top}'s answer: column titles and one row of strings per process. */
public record TopResult(List<String> titles, List<List<String>> processes) {
  public TopResult {
    titles = List.copyOf(titles);
    processes = processes.stream().map(List::copyOf).toList();
  }
}
