package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.container.Container;
import io.jdocker.daemon.container.ContainerPaths;
import io.jdocker.linux.jnr.JnrMountSyscalls;
import io.jdocker.linux.mount.Mounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A stopped (or never started) container's root filesystem, mounted for docker cp: an overlay of
 * its image layers and its own upper dir on a fresh directory beside them. The container must not
 * start while this is mounted (overlay refuses a second mount on the same upper and work dirs):
 * hold its lock. {@link #close} detaches it and removes the directory.
 */
final class StoppedRootfs implements AutoCloseable {
  private final Mounts mounts;
  private final Path root;

  private StoppedRootfs(Mounts mounts, Path root) {
    this.mounts = mounts;
    this.root = root;
  }

  static StoppedRootfs mount(Container c) throws IOException {
    ContainerPaths paths = c.paths();
    Path dir = paths.upperDir().getParent();
    Files.createDirectories(paths.upperDir());
    Files.createDirectories(paths.workDir());
    List<Path> lowers = new ArrayList<>();
    c.lowerDirs().forEach(d -> lowers.add(Path.of(d)));
    if (lowers.isEmpty()) {
      lowers.add(Files.createDirectories(dir.resolve("empty")));
    }
    Path root = Files.createTempDirectory(dir, "cp-");
    Mounts mounts = new Mounts(JnrMountSyscalls.INSTANCE);
    try {
      mounts.overlay(lowers, paths.upperDir(), paths.workDir(), root);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(root);
      throw e;
    }
    return new StoppedRootfs(mounts, root);
  }

  Path root() {
    return root;
  }

  @Override
  public void close() throws IOException {
    mounts.detach(root);
    Files.deleteIfExists(root);
  }
}
