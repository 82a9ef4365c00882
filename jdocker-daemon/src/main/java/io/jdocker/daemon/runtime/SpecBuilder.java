package io.jdocker.daemon.runtime;

import io.jdocker.daemon.container.BindSpec;
import io.jdocker.daemon.container.TmpfsSpec;
import io.jdocker.linux.ns.Namespace;
import io.jdocker.linux.process.ContainerSpec;
import io.jdocker.linux.process.ContainerSpec.BindMount;
import io.jdocker.linux.process.ContainerSpec.Overlay;
import io.jdocker.linux.process.ContainerSpec.Security;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one place a {@link RuntimeConfig} becomes jdocker-init's {@link ContainerSpec} (as runc's
 * specconv): overlay root in the container dir, network files, binds, tmpfs sources, --init.
 */
final class SpecBuilder {
  static final String UPPER = "upper";
  static final String WORK = "work";
  static final String MERGED = "merged";
  static final String EMPTY_LOWER = "empty";
  static final String TMPFS = "tmpfs";
  /** Written by jdocker-init after the container ended (its exit code), read after a daemon restart. */
  static final String EXIT_FILE = "exit-status";

  private final ContainerFiles files;
  private final Optional<Path> dockerInit;

  SpecBuilder(ContainerFiles files, Optional<Path> dockerInit) {
    this.files = files;
    this.dockerInit = dockerInit;
  }

  /** A host directory the daemon mounts a tmpfs on; PID 1 clones it into its own root. */
  record TmpfsSource(Path source, TmpfsSpec spec) {}

  record Prepared(ContainerSpec spec, List<TmpfsSource> tmpfs) {}

  /** Creates the container's dirs and files and returns the spec; mounts nothing yet. */
  Prepared prepare(RuntimeConfig c) throws IOException {
    Path dir = c.containerDir();
    Path upper = Files.createDirectories(dir.resolve(UPPER));
    Path work = Files.createDirectories(dir.resolve(WORK));
    Path merged = Files.createDirectories(dir.resolve(MERGED));
    List<Path> lowers = new ArrayList<>(c.layers()).reversed();
    if (lowers.isEmpty()) {
      // An image without layers (FROM scratch + metadata only) still needs one lower for overlay.
      lowers = List.of(Files.createDirectories(dir.resolve(EMPTY_LOWER)));
    }
    List<String> args = c.process().args();
    List<BindMount> userMounts = new ArrayList<>();
    if (c.init()) {
      Path init = dockerInit.orElseThrow(() -> new ContainerSetupException(ContainerSetupException.SETUP_FAILED,
          "exec: \"docker-init\": executable file not found in $PATH", null));
      userMounts.add(new BindMount(init, DockerInit.CONTAINER_PATH, true));
      args = DockerInit.wrap(args);
    }
    for (BindSpec b : c.binds()) {
      if (b.volume()) {
        throw new ContainerSetupException(ContainerSetupException.SETUP_FAILED,
            "named volumes are not supported yet: " + b.source(), null);
      }
      Path source = Path.of(b.source());
      // dockerd creates a missing host path of a -v bind as a directory.
      if (!Files.exists(source)) {
        Files.createDirectories(source);
      }
      userMounts.add(new BindMount(source, b.destination(), b.readOnly()));
    }
    List<TmpfsSource> tmpfs = new ArrayList<>();
    for (int i = 0; i < c.tmpfs().size(); i++) {
      TmpfsSpec t = c.tmpfs().get(i);
      Path source = Files.createDirectories(dir.resolve(TMPFS).resolve(Integer.toString(i)));
      tmpfs.add(new TmpfsSource(source, t));
      userMounts.add(new BindMount(source, t.destination(), TmpfsMountOptions.of(t).readOnly()));
    }
    Set<String> userDestinations = new HashSet<>();
    userMounts.forEach(m -> userDestinations.add(m.destination()));
    List<BindMount> mounts = new ArrayList<>();
    // A user mount on /etc/hosts (or the others) wins over ours, as with Docker.
    for (BindMount m : files.write(dir, c.hostname(), null, c.network(), c.readOnlyRoot())) {
      if (!userDestinations.contains(m.destination())) {
        mounts.add(m);
      }
    }
    mounts.addAll(userMounts);
    if (c.devpts() != null) {
      mounts.add(new BindMount(c.devpts(), "/dev/pts", false));
    }

    Set<Namespace> namespaces = EnumSet.allOf(Namespace.class);
    if (!c.network().ownNamespace()) {
      namespaces.remove(Namespace.NET);
    }
    ContainerSpec.Builder b = ContainerSpec.builder(args.toArray(String[]::new))
        .rootfs(new Overlay(lowers, upper, work, merged))
        .cwd(c.process().cwd())
        .hostname(c.hostname())
        .user(c.process().uid(), c.process().gid())
        .namespaces(namespaces)
        .stdio(c.stdio())
        .security(Security.dockerDefault().withReadOnlyRoot(c.readOnlyRoot()))
        .exitFile(dir.resolve(EXIT_FILE));
    Files.deleteIfExists(dir.resolve(EXIT_FILE));
    c.process().env().forEach(b::env);
    c.process().additionalGids().forEach(b::group);
    mounts.forEach(b::mount);
    return new Prepared(b.build(), tmpfs);
  }
}
