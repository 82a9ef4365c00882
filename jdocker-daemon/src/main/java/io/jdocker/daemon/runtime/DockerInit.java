package io.jdocker.daemon.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code --init} process: like dockerd, a static {@code docker-init} (tini; Debian's docker.io
 * links it to tini-static) bind-mounted read-only at /sbin/docker-init and run as PID 1 with the
 * command after {@code --}. It must be static because it runs inside the image's root.
 */
final class DockerInit {
  static final String CONTAINER_PATH = "/sbin/docker-init";
  private static final List<String> NAMES = List.of("docker-init", "tini-static");
  private static final List<Path> LIBEXEC = List.of(Path.of("/usr/local/libexec/docker"),
      Path.of("/usr/libexec/docker"), Path.of("/usr/local/lib/docker"), Path.of("/usr/lib/docker"));

  private DockerInit() {}

  /** {@code configured} (daemon.json "init-path") if given, else docker-init on PATH or in libexec. */
  static Optional<Path> locate(String configured) {
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured);
      return Files.isExecutable(p) ? Optional.of(real(p)) : Optional.empty();
    }
    List<Path> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    for (String d : (path == null ? "/usr/local/bin:/usr/bin:/bin" : path).split(":")) {
      if (!d.isEmpty()) {
        dirs.add(Path.of(d));
      }
    }
    dirs.addAll(LIBEXEC);
    for (String name : NAMES) {
      for (Path dir : dirs) {
        Path candidate = dir.resolve(name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(real(candidate));
        }
      }
    }
    return Optional.empty();
  }

  // Bind the file itself: a symlink would be resolved inside the container's root.
  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p;
    }
  }

  static List<String> wrap(List<String> args) {
    List<String> wrapped = new ArrayList<>(List.of(CONTAINER_PATH, "--"));
    wrapped.addAll(args);
    return wrapped;
  }
}
