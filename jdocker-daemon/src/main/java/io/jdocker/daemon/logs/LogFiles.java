package io.jdocker.daemon.logs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a container's json-file logs live: {@code <dir>/<id>-json.log} and the rotated {@code
 * <id>-json.log.1} (newest) … {@code .N} (oldest), as Docker names them.
 */
public record LogFiles(Path directory, String containerId) {
  public LogFiles {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(containerId, "containerId");
  }

  /** The file being written; {@code LogPath} in container inspect. */
  public Path active() {
    return directory.resolve(containerId + "-json.log");
  }

  /** The {@code index}-th rotated file, 1 being the most recent. */
  public Path rotated(int index) {
    return directory.resolve(containerId + "-json.log." + index);
  }

  /** The rotated files present on disk, oldest first (stops at the first missing index). */
  List<Path> existingRotatedOldestFirst() {
    List<Path> found = new ArrayList<>();
    for (int i = 1; Files.exists(rotated(i)); i++) {
      found.addFirst(rotated(i));
    }
    return found;
  }

  /** Every log file of the container, for removal with the container. */
  public List<Path> all() {
    List<Path> paths = new ArrayList<>(existingRotatedOldestFirst());
    paths.add(active());
    return paths;
  }
}
