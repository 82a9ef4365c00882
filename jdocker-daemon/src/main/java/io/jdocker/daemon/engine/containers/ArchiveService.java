package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.api.containers.ArchiveBackend;
import io.jdocker.daemon.archive.ContainerFs;
import io.jdocker.daemon.archive.PathStat;
import io.jdocker.daemon.container.BindSpec;
import io.jdocker.daemon.container.Container;
import io.jdocker.daemon.container.ContainerId;
import io.jdocker.daemon.container.ExecUser;
import io.jdocker.daemon.container.UserResolver;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.image.layer.UnpackOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * docker cp on a container's filesystem: a running container's through {@code /proc/PID/root}
 * (its mounts included), a stopped or created one's through a temporary overlay of its layers
 * and upper dir ({@link StoppedRootfs}), held under the container's lock so it cannot start
 * meanwhile, and always unmounted afterwards.
 */
public final class ArchiveService implements ArchiveBackend {
  private final Engine engine;
  private final ContainerRunner runner;

  ArchiveService(Engine engine, ContainerRunner runner) {
    this.engine = engine;
    this.runner = runner;
  }

  @FunctionalInterface
  private interface FsAction<T> {
    T apply(ContainerFs fs, Container c, Path root) throws IOException;
  }

  @Override
  public PathStat stat(String container, String path) throws IOException {
    return withFs(container, false, (fs, c, root) -> fs.stat(path));
  }

  @Override
  public void archive(String container, String path, ArchiveSender sender) throws IOException {
    withFs(container, true, (fs, c, root) -> {
      ContainerFs.Archive archive = fs.archive(path);
      engine.events().publish(c, "archive-path", Map.of("path", path));
      sender.send(archive);
      return null;
    });
  }

  @Override
  public void extract(String container, String path, InputStream tar, boolean noOverwriteDirNonDir,
      boolean copyUidGid) throws IOException {
    withFs(container, true, (fs, c, root) -> {
      if (c.hostConfig().readonlyRootfs() && !inWritableBind(c, path)) {
        throw new InvalidParameterException("container rootfs is marked read-only");
      }
      UnpackOptions.Owner owner = null;
      String user = c.config().user();
      if (copyUidGid && user != null && !user.isEmpty()) {
        ExecUser u = UserResolver.resolve(user, root);
        owner = new UnpackOptions.Owner(Math.toIntExact(u.uid()), Math.toIntExact(u.gid()));
      }
      fs.extract(path, tar, noOverwriteDirNonDir, owner);
      engine.events().publish(c, "extract-to-dir", Map.of("path", path));
      return null;
    });
  }

  /** dockerd lets cp write into a volume of a read-only container, unless the volume is read-only too. */
  private static boolean inWritableBind(Container c, String path) {
    Path target = Path.of("/").resolve(path).normalize();
    for (BindSpec b : BindSpec.parseAll(c.hostConfig().bindsOrEmpty())) {
      if (!b.readOnly() && target.startsWith(Path.of(b.destination()))) {
        return true;
      }
    }
    return false;
  }

  /** {@code freeze}: hold a running container still while the action walks or writes its files. */
  private <T> T withFs(String container, boolean freeze, FsAction<T> action) throws IOException {
    Container found = engine.store().get(container);
    ContainerId id = found.id();
    Optional<Long> pid = engine.locks().with(id, () -> runner.run(id).map(r -> r.process().pid()));
    if (pid.isPresent()) {
      Path root = Path.of("/proc", Long.toString(pid.get()), "root");
      try (CopyFreeze frozen = freeze ? CopyFreeze.of(engine, runner, id) : null) {
        return action.apply(new ContainerFs(root, container), engine.current(id), root);
      }
    }
    try {
      return engine.locks().with(id, () -> {
        Container c = engine.current(id);
        Optional<ContainerRun> run = runner.run(id);
        try {
          if (run.isPresent()) { // started meanwhile
            Path root = Path.of("/proc", Long.toString(run.get().process().pid()), "root");
            return action.apply(new ContainerFs(root, container), c, root);
          }
          try (StoppedRootfs rootfs = StoppedRootfs.mount(c)) {
            return action.apply(new ContainerFs(rootfs.root(), container), c, rootfs.root());
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
