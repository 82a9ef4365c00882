package io.jdocker.cli.command;

import io.jdocker.cli.client.ApiClient;
import io.jdocker.cli.client.DaemonException;
import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.client.HttpResponse;
import io.jdocker.cli.client.Query;
import io.jdocker.cli.json.JsonReader;
import io.jdocker.cli.model.JsonFields;
import io.jdocker.cli.model.StatsEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * One container's {@code GET /containers/{id}/stats} on a connection of its own (docker's
 * {@code collect}): one sample with {@code stream=0}, else a sample a second until the daemon ends
 * the stream. It keeps the latest figures; an error marks them invalid, and so does a silence of
 * two seconds while a sample is awaited (docker then also zeroes them).
 */
final class StatsCollector implements AutoCloseable {
  static final long TIMEOUT_NANOS = Duration.ofSeconds(2).toNanos();

  private final String container;
  private final boolean streaming;
  private final ApiClient client;
  private final Runnable changed;
  private StatsEntry entry;
  private String error;
  /** When the headers, the last sample or the last error arrived (System.nanoTime); 0 before the headers. */
  private long lastNews;
  private boolean answered;
  /** The request is over: nothing more will arrive, so silence is no longer a timeout. */
  private boolean finished;
  private volatile boolean closed;

  /** {@code changed} runs (on the collector's thread) after each sample or error. */
  StatsCollector(String container, boolean streaming, ApiClient client, Runnable changed) {
    this.container = container;
    this.streaming = streaming;
    this.client = client;
    this.changed = changed;
    this.entry = StatsEntry.empty(container);
  }

  String container() {
    return container;
  }

  void start() {
    Thread.ofPlatform().daemon().name("stats " + container).start(this::collect);
  }

  private void collect() {
    try {
      Query query = Query.of().put("stream", streaming ? "1" : "0");
      HttpResponse response = client.call(HttpRequest.of("GET", "/containers/" + container + "/stats"), query);
      headersArrived();
      JsonReader samples = ApiClient.jsonStream(response);
      do {
        if (!samples.hasNext()) {
          failed("EOF");
          return;
        }
        sampled(StatsEntry.of(container, JsonFields.object(samples.read())));
      } while (streaming && !closed);
    } catch (DaemonException e) {
      failed("Error response from daemon: " + e.getMessage());
    } catch (UncheckedIOException e) {
      failed("error during connect: " + e.getCause().getMessage());
    } catch (IOException | RuntimeException e) {
      failed(e.getMessage());
    } finally {
      synchronized (this) {
        finished = true;
      }
    }
  }

  private synchronized void headersArrived() {
    lastNews = System.nanoTime();
  }

  private void sampled(StatsEntry sample) {
    synchronized (this) {
      entry = sample;
      error = null;
      lastNews = System.nanoTime();
      answered = true;
    }
    changed.run();
  }

  private void failed(String message) {
    if (closed) {
      return;
    }
    synchronized (this) {
      entry = entry.invalidated();
      error = message;
      lastNews = System.nanoTime();
      answered = true;
    }
    changed.run();
  }

  private boolean timedOut(long now) {
    return !finished && lastNews != 0 && now - lastNews >= TIMEOUT_NANOS;
  }

  /** The figures to show at {@code now} (System.nanoTime). */
  synchronized StatsEntry snapshot(long now) {
    return timedOut(now) ? entry.reset() : entry;
  }

  /** Whether the first sample (or an error, or the timeout) has come: what docker waits for before drawing. */
  synchronized boolean answered(long now) {
    return answered || timedOut(now);
  }

  /** The error docker would report for this container, or null. */
  synchronized String error(long now) {
    return timedOut(now) ? "timeout waiting for stats" : error;
  }

  @Override
  public void close() {
    closed = true;
    client.close();
  }
}
