package io.jdocker.cli.command;

import io.jdocker.cli.tty.Terminal;
import io.jdocker.cli.tty.WindowSize;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** A terminal that records raw-mode changes and lets a test change the window size (SIGWINCH). */
final class FakeTerminal implements Terminal {
  final List<String> events = Collections.synchronizedList(new ArrayList<>());
  volatile WindowSize size;
  /** Opens once the command watches for window changes. */
  final CountDownLatch watching = new CountDownLatch(1);
  private volatile Runnable resizeListener;

  FakeTerminal(WindowSize size) {
    this.size = size;
  }

  @Override
  public RawMode makeRaw() {
    events.add("raw");
    boolean[] restored = {false};
    return () -> {
      synchronized (restored) {
        if (!restored[0]) {
          restored[0] = true;
          events.add("restore");
        }
      }
    };
  }

  @Override
  public RawMode disableEcho() {
    events.add("echo off");
    return () -> events.add("echo on");
  }

  @Override
  public WindowSize size() {
    return size;
  }

  @Override
  public AutoCloseable onResize(Runnable listener) {
    resizeListener = listener;
    events.add("watch");
    watching.countDown();
    return () -> {
      resizeListener = null;
      events.add("unwatch");
    };
  }

  /** What SIGWINCH does: the new size is sent if the command still watches. */
  void resize(WindowSize newSize) {
    size = newSize;
    Runnable listener = resizeListener;
    if (listener != null) {
      listener.run();
    }
  }
}
