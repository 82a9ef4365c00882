package io.jdocker.linux.pty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Collects what a pty master reads on a background thread; tests wait for text to appear. */
public final class TerminalTranscript {
  private final StringBuilder text = new StringBuilder();
  private boolean ended;

  private TerminalTranscript() {}

  public static TerminalTranscript of(InputStream master) {
    TerminalTranscript t = new TerminalTranscript();
    Thread.ofPlatform().daemon().name("pty-transcript").start(() -> t.collect(master));
    return t;
  }

  private void collect(InputStream in) {
    byte[] buf = new byte[4096];
    try {
      for (int n; (n = in.read(buf)) >= 0; ) {
        append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
      }
    } catch (IOException e) {
      append("\n<read failed: " + e + ">");
    } finally {
      synchronized (this) {
        ended = true;
        notifyAll();
      }
    }
  }

  private synchronized void append(String s) {
    text.append(s);
    notifyAll();
  }

  /** Waits until {@code expected} appears after {@code from}; returns the index just past it. */
  public synchronized int await(String expected, int from) throws InterruptedException {
    while (true) {
      int at = text.indexOf(expected, from);
      if (at >= 0) {
        return at + expected.length();
      }
      if (ended) {
        throw new AssertionError("terminal closed without \"" + expected + "\"; it showed:\n" + text);
      }
      wait();
    }
  }

  /** Waits for the end of the stream (every slave holder closed) and returns all of it. */
  public synchronized String awaitEnd() throws InterruptedException {
    while (!ended) {
      wait();
    }
    return text.toString();
  }

  public synchronized String text() {
    return text.toString();
  }
}
