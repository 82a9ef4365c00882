package io.jdocker.daemon.container;

import java.util.List;

/** Who the container's process runs as: uid, primary gid, supplementary gids and home dir. */
public record ExecUser(long uid, long gid, List<Long> additionalGids, String home) {
  public static final ExecUser ROOT = new ExecUser(0, 0, List.of(), "/root");

  public ExecUser {
    additionalGids = List.copyOf(additionalGids);
  }
}
