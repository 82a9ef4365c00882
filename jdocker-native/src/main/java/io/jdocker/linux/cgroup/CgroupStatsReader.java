package io.jdocker.linux.cgroup;

import java.io.IOException;

/** Reads one cgroup's usage counters (docker stats); v1 and v2 keep them in different files. */
public interface CgroupStatsReader {
  /**
   * @throws java.nio.file.NoSuchFileException the cgroup is gone (its container has exited)
   */
  CgroupStats read() throws IOException;
}
