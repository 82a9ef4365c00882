package io.jdocker.daemon.container;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jdocker.daemon.api.types.container.WireJson;
import io.jdocker.image.store.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persists each container as {@code <dataRoot>/containers/<id>/config.v2.json}: written to a
 * temp file in the same dir, fsynced, renamed over the old file with ATOMIC_MOVE and the dir
 * fsynced, so a crash leaves the old or the new file, never a part of one. Loading never fails
 * start-up: an unreadable file is skipped with a warning, temp leftovers are removed.
 */
public final class StateStore {
  private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);
  private static final String TEMP_PREFIX = ".config.v2.json.tmp-";
  private static final ObjectMapper MAPPER = WireJson.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

  private final ContainerLayout layout;

  public StateStore(ContainerLayout layout) {
    this.layout = layout;
  }

  public ContainerLayout layout() {
    return layout;
  }

  /** Writes {@code container}'s file atomically, creating its dir when needed. */
  public void save(Container container) {
    Path dir = layout.containerDir(container.id());
    try {
      Files.createDirectories(dir);
      byte[] json = MAPPER.writeValueAsBytes(container);
      AtomicFiles.write(layout.configFile(container.id()), json, dir.resolve(TEMP_PREFIX + UUID.randomUUID()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save state of container " + container.id() + " in " + dir, e);
    }
  }

  /** Removes the container's dir (config, hostname, hosts, resolv.conf, log). */
  public void delete(ContainerId id) {
    try {
      AtomicFiles.deleteTree(layout.containerDir(id));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + layout.containerDir(id), e);
    }
  }

  /** Every container that could be read. */
  public List<Container> loadAll() {
    Path root = layout.containersDir();
    List<Container> loaded = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return loaded;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
      for (Path dir : dirs) {
        if (Files.isDirectory(dir)) {
          sweepTemps(dir);
          load(dir).ifPresent(loaded::add);
        }
      }
    } catch (IOException e) {
      LOG.warn("cannot list {}: {}; starting with the containers read so far", root, e.toString());
    }
    return loaded;
  }

  private java.util.Optional<Container> load(Path dir) {
    Path file = dir.resolve(ContainerLayout.CONFIG_FILE);
    String dirName = dir.getFileName().toString();
    if (!Files.isRegularFile(file)) {
      LOG.warn("skipping container dir {}: no {}", dir, ContainerLayout.CONFIG_FILE);
      return java.util.Optional.empty();
    }
    try {
      Container c = MAPPER.readValue(file.toFile(), Container.class);
      if (c == null || !c.id().value().equals(dirName)) {
        LOG.warn("skipping {}: it describes container {}, not {}", file, c == null ? null : c.id(), dirName);
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(c);
    } catch (IOException | RuntimeException e) {
      LOG.warn("skipping container {}: unreadable {}: {}", dirName, file, e.getMessage());
      return java.util.Optional.empty();
    }
  }

  private static void sweepTemps(Path dir) {
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, TEMP_PREFIX + "*")) {
      for (Path temp : temps) {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      LOG.warn("cannot remove temp files in {}: {}", dir, e.toString());
    }
  }
}
