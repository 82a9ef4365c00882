package io.jdocker.linux.process;

import io.jdocker.linux.ns.Namespace;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Everything jdocker-init needs to start one container process.
 *
 * @param rootfs the container's root, or null to stay in the host's root (needs no mount ns)
 * @param args the command; args[0] is looked up in the spec's PATH inside the new root
 * @param env "KEY=value" entries, exactly the container's environment
 * @param cwd working directory inside the container (created if missing), or null for /
 * @param hostname set only when {@code namespaces} has UTS; null keeps the inherited one
 * @param namespaces the namespaces to create
 * @param mounts bind mounts made after the special filesystems, in order
 * @param security capabilities, masked and read-only paths
 * @param exitFile where jdocker-init writes the exit code after reaping the container (so a
 *     restarted daemon, no longer its parent, still learns it), or null
 */
public record ContainerSpec(
    RootFs rootfs,
    List<String> args,
    List<String> env,
    String cwd,
    String hostname,
    int uid,
    int gid,
    List<Integer> groups,
    Set<Namespace> namespaces,
    List<BindMount> mounts,
    Security security,
    Stdio stdio,
    Path exitFile) {

  public ContainerSpec {
    args = List.copyOf(args);
    env = List.copyOf(env);
    groups = List.copyOf(groups);
    namespaces = namespaces.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(namespaces));
    mounts = List.copyOf(mounts);
    if (args.isEmpty() || args.get(0).isEmpty()) {
      throw new IllegalArgumentException("no command specified");
    }
    if (uid < 0 || gid < 0 || groups.stream().anyMatch(g -> g < 0)) {
      throw new IllegalArgumentException("uid, gid and groups must not be negative");
    }
    if (rootfs != null && !namespaces.contains(Namespace.MOUNT)) {
      throw new IllegalArgumentException("a container root needs a mount namespace");
    }
    if (stdio == null) {
      stdio = Stdio.pipes();
    }
    if (security == null) {
      security = Security.dockerDefault();
    }
  }

  public static Builder builder(String... args) {
    return new Builder(List.of(args));
  }

  /** Where the container's root comes from. */
  public sealed interface RootFs permits Overlay, Directory {}

  /**
   * An overlayfs root mounted on {@code target} inside the container's mount namespace, so it
   * vanishes with the container. {@code lowers} are listed top layer first, as overlay wants.
   */
  public record Overlay(List<Path> lowers, Path upper, Path work, Path target) implements RootFs {
    public Overlay {
      lowers = List.copyOf(lowers);
      if (lowers.isEmpty()) {
        throw new IllegalArgumentException("overlay root needs at least one lower dir");
      }
    }
  }

  /** A plain directory used as the root (bind-mounted on itself to become a mount point). */
  public record Directory(Path path) implements RootFs {}

  /** A bind mount of a host path into the container. */
  public record BindMount(Path source, String destination, boolean readOnly) {
    public BindMount {
      if (!destination.startsWith("/")) {
        throw new IllegalArgumentException("mount destination must be absolute: " + destination);
      }
    }
  }

  /**
   * The container's stdin, stdout and stderr, as ProcessBuilder redirects (pipes or files). With
   * {@code tty}, stdin must be a terminal (a pty slave): it becomes the controlling terminal.
   * {@code outPath}/{@code errPath}, when set, are FIFOs (or files) jdocker-init itself opens
   * read-write as stdout/stderr instead of {@code out}/{@code err}: unlike a pipe into the JVM
   * they outlive the daemon, and holding a read end the container never gets SIGPIPE.
   * {@code console}, when set, is a pty slave ({@code io.jdocker.linux.pty.Pty#slave()}) that
   * jdocker-init opens itself as fds 0-2 and the controlling terminal; it implies {@code tty}.
   * {@code relay}, when set, is what jdocker-init holds for the daemon ({@link Relay}).
   */
  public record Stdio(Redirect in, Redirect out, Redirect err, boolean tty, Path outPath, Path errPath,
      Path console, Relay relay) {
    public Stdio {
      if (console != null && (outPath != null || errPath != null)) {
        throw new IllegalArgumentException("a console excludes stdout/stderr FIFOs");
      }
      if (relay != null && relay.devpts() != null && (outPath == null || errPath != null || console != null)) {
        throw new IllegalArgumentException("a relayed terminal needs a stdout FIFO and excludes stderr and console");
      }
      tty = tty || console != null || (relay != null && relay.devpts() != null);
    }

    public Stdio(Redirect in, Redirect out, Redirect err, boolean tty, Path outPath, Path errPath, Path console) {
      this(in, out, err, tty, outPath, errPath, console, null);
    }

    public Stdio(Redirect in, Redirect out, Redirect err, boolean tty, Path outPath, Path errPath) {
      this(in, out, err, tty, outPath, errPath, null);
    }

    public Stdio(Redirect in, Redirect out, Redirect err, boolean tty) {
      this(in, out, err, tty, null, null);
    }

    /**
     * The terminal {@code slave} as stdin, stdout, stderr and controlling terminal. The helper's
     * own streams read /dev/null and discard: everything goes through the pty master.
     */
    public static Stdio console(Path slave) {
      return new Stdio(Redirect.from(new java.io.File("/dev/null")), Redirect.DISCARD, Redirect.DISCARD,
          true, null, null, slave);
    }

    public static Stdio pipes() {
      return new Stdio(Redirect.PIPE, Redirect.PIPE, Redirect.PIPE, false);
    }

    /** stdin from {@code in}; stdout and stderr into FIFOs opened by jdocker-init. */
    public static Stdio fifos(Redirect in, Path outFifo, Path errFifo) {
      return new Stdio(in, Redirect.DISCARD, Redirect.DISCARD, false, outFifo, errFifo);
    }

    /**
     * Everything through FIFOs jdocker-init opens and keeps open (so the container outlives the
     * daemon): with {@code relay.devpts()} the terminal's output goes to {@code outFifo} and
     * {@code errFifo} must be null; else stdout and stderr are the FIFOs themselves.
     */
    public static Stdio relayed(Path outFifo, Path errFifo, Relay relay) {
      return new Stdio(Redirect.from(new java.io.File("/dev/null")), Redirect.DISCARD, Redirect.DISCARD, false,
          outFifo, errFifo, null, relay);
    }

    public Stdio withTty(boolean value) {
      return new Stdio(in, out, err, value, outPath, errPath, console, relay);
    }
  }

  /**
   * What jdocker-init holds so that it outlives the daemon, as containerd's shim does (see
   * src/main/c/relay.h).
   *
   * @param devpts a devpts mount where jdocker-init allocates the container's terminal and keeps
   *     its master, relaying it into the stdout FIFO; null without a terminal
   * @param rows the terminal's initial size; 0 keeps the kernel's default
   * @param stdin a FIFO jdocker-init keeps a write end of (the daemon's death is not EOF): the
   *     container's stdin, or relayed into the terminal; null for /dev/null
   * @param ctl a FIFO of commands to jdocker-init ({@code close-stdin}, {@code resize R C}); null for none
   */
  public record Relay(Path devpts, int rows, int columns, Path stdin, Path ctl) {}

  /**
   * What the container may do.
   *
   * @param capabilities the capabilities kept (for a root user; other users get none), or null
   *     to keep all the daemon has, as --privileged does
   * @param maskedPaths hidden behind /dev/null or an empty read-only tmpfs; missing ones skipped
   * @param readonlyPaths remounted read-only
   * @param readOnlyRoot the root filesystem is read-only (--read-only)
   */
  public record Security(
      Set<Capability> capabilities, List<String> maskedPaths, List<String> readonlyPaths, boolean readOnlyRoot) {
    public Security {
      capabilities = capabilities == null ? null
          : capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
      maskedPaths = List.copyOf(maskedPaths);
      readonlyPaths = List.copyOf(readonlyPaths);
      for (String p : maskedPaths) {
        requireAbsolute(p);
      }
      for (String p : readonlyPaths) {
        requireAbsolute(p);
      }
    }

    /** Docker's defaults (moby oci/defaults.go). */
    public static Security dockerDefault() {
      return new Security(Capability.dockerDefaults(),
          List.of("/proc/asound", "/proc/acpi", "/proc/interrupts", "/proc/kcore", "/proc/keys",
              "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug",
              "/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap"),
          List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"),
          false);
    }

    /** --privileged: every capability the daemon holds, nothing masked. */
    public static Security privileged() {
      return new Security(null, List.of(), List.of(), false);
    }

    public Security withReadOnlyRoot(boolean value) {
      return new Security(capabilities, maskedPaths, readonlyPaths, value);
    }

    public Security withCapabilities(Set<Capability> value) {
      return new Security(value, maskedPaths, readonlyPaths, readOnlyRoot);
    }

    private static void requireAbsolute(String path) {
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("path must be absolute: " + path);
      }
    }
  }

  /** Builds a spec with Docker's defaults: root user, all five namespaces, default security, pipes. */
  public static final class Builder {
    private final List<String> args;
    private RootFs rootfs;
    private final List<String> env = new ArrayList<>();
    private String cwd;
    private String hostname;
    private int uid;
    private int gid;
    private final List<Integer> groups = new ArrayList<>();
    private Set<Namespace> namespaces = EnumSet.allOf(Namespace.class);
    private final List<BindMount> mounts = new ArrayList<>();
    private Stdio stdio = Stdio.pipes();
    private Security security = Security.dockerDefault();
    private Path exitFile;

    private Builder(List<String> args) {
      this.args = args;
    }

    public Builder rootfs(RootFs value) { rootfs = value; return this; }
    public Builder env(String entry) { env.add(entry); return this; }
    public Builder cwd(String value) { cwd = value; return this; }
    public Builder hostname(String value) { hostname = value; return this; }
    public Builder user(int u, int g) { uid = u; gid = g; return this; }
    public Builder group(int value) { groups.add(value); return this; }
    public Builder namespaces(Set<Namespace> value) { namespaces = value; return this; }
    public Builder mount(BindMount value) { mounts.add(value); return this; }
    public Builder stdio(Stdio value) { stdio = value; return this; }
    public Builder security(Security value) { security = value; return this; }
    public Builder exitFile(Path value) { exitFile = value; return this; }

    public ContainerSpec build() {
      return new ContainerSpec(
          rootfs, args, env, cwd, hostname, uid, gid, groups, namespaces, mounts, security, stdio, exitFile);
    }
  }
}
