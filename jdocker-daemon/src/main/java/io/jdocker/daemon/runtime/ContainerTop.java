package io.jdocker.daemon.runtime;

import io.jdocker.errdefs.UnavailableException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Chooses how docker top lists a container's processes: /proc for the default, {@code ps} for options. */
final class ContainerTop {
  private ContainerTop() {}

  static TopResult of(String psArgs, Optional<Path> ps, List<Integer> pids, ProcessTable table) throws IOException {
    String args = psArgs == null ? "" : psArgs.strip();
    if (args.isEmpty()) {
      return table.list(pids);
    }
    if (ps.isEmpty()) {
      if (args.equals(PsTop.DEFAULT_ARGS)) {
        return table.list(pids);
      }
      throw new UnavailableException("docker top with ps options needs the host's ps (procps), not found in PATH");
    }
    return PsTop.run(ps.get(), args, pids);
  }
}
