package io.jdocker.linux.ns;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs code inside another process's namespaces, on a fresh platform thread that dies afterwards,
 * so no pooled thread (nor the JDK's process reaper) ever lives in a container's namespace.
 *
 * <p>The thread first unshares {@code CLONE_FS}: setns into a mount namespace fails while the
 * thread shares its root and cwd with the rest of the JVM. Entering a PID namespace only affects
 * children made by clone without CLONE_THREAD (posix_spawn), and forbids the thread to create
 * threads, which is why the thread is thrown away.
 */
public final class NamespaceEntry {
  private static final int CLONE_FS = 0x00000200;

  private final NamespaceSyscalls syscalls;

  public NamespaceEntry(NamespaceSyscalls syscalls) {
    this.syscalls = syscalls;
  }

  /** Calls {@code body} on a new thread that has joined {@code namespaces} of process {@code pid}. */
  public <T> T callIn(int pid, Set<Namespace> namespaces, Callable<T> body) throws Exception {
    // Open every ns file first, from the host's view: after entering the mount ns, /proc is theirs.
    List<Integer> fds = new ArrayList<>();
    EnumSet<Namespace> unique = EnumSet.noneOf(Namespace.class);
    unique.addAll(namespaces);
    List<Namespace> order = new ArrayList<>(unique);
    // The mount namespace goes last: after it, paths resolve inside the container.
    order.sort((a, b) -> Boolean.compare(a == Namespace.MOUNT, b == Namespace.MOUNT));
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try {
      for (Namespace ns : order) {
        fds.add(syscalls.open(path(pid, ns)));
      }
      Thread thread = Thread.ofPlatform().name("nsenter-" + pid).start(() -> {
        try {
          syscalls.unshare(CLONE_FS);
          for (int i = 0; i < order.size(); i++) {
            Namespace ns = order.get(i);
            syscalls.setns(fds.get(i), ns.cloneFlag(), path(pid, ns));
          }
          result.set(body.call());
        } catch (Throwable t) {
          failure.set(t);
        }
      });
      thread.join();
    } finally {
      fds.forEach(syscalls::close);
    }
    Throwable t = failure.get();
    if (t instanceof Exception e) {
      throw e;
    } else if (t instanceof Error e) {
      throw e;
    }
    return result.get();
  }

  private static String path(int pid, Namespace ns) {
    return "/proc/" + pid + "/ns/" + ns.procName();
  }

  /** Convenience for callers that only need the calls without a result. */
  public void runIn(int pid, Set<Namespace> namespaces, ThrowingRunnable body) throws Exception {
    callIn(pid, namespaces, () -> {
      body.run();
      return null;
    });
  }

  /** A body that may throw. */
  @FunctionalInterface
  public interface ThrowingRunnable {
    void run() throws Exception;
  }
}
