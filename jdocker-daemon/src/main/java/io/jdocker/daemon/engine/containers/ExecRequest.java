package io.jdocker.daemon.engine.containers;

import java.util.List;

/**
 * A docker exec resolved against its container: the command, the environment (container's, then
 * the exec's), the user as IDs, the working directory and how its stdio is attached.
 *
 * @param cwd working directory inside the container, null for /
 * @param consoleRows with {@code tty}, the terminal's initial size (0: leave it)
 */
record ExecRequest(List<String> args, List<String> env, String cwd, int uid, int gid, List<Integer> groups,
    boolean privileged, boolean tty, boolean stdin, boolean stdout, boolean stderr, int consoleRows,
    int consoleColumns) {
  ExecRequest {
    args = List.copyOf(args);
    env = List.copyOf(env);
    groups = List.copyOf(groups);
  }
}
