package io.jdocker.daemon.api.containers;

import io.jdocker.daemon.archive.ContainerFs;
import io.jdocker.daemon.archive.PathStat;
import java.io.IOException;
import java.io.InputStream;

/** What the archive routes (docker cp) need from the engine. {@code container} is an ID, prefix or name. */
public interface ArchiveBackend {
  /** HEAD: 404 {@code Could not find the file P in container C} when missing. */
  PathStat stat(String container, String path) throws IOException;

  /**
   * GET: hands the archive of {@code path} to {@code sender} while the container's filesystem is
   * reachable (a stopped container's is mounted only meanwhile).
   */
  void archive(String container, String path, ArchiveSender sender) throws IOException;

  /** PUT: extracts {@code tar} into the directory {@code path}. */
  void extract(String container, String path, InputStream tar, boolean noOverwriteDirNonDir, boolean copyUidGid)
      throws IOException;

  @FunctionalInterface
  interface ArchiveSender {
    void send(ContainerFs.Archive archive) throws IOException;
  }
}
