package io.jdocker.daemon.runtime;

import java.util.List;

/**
 * The container's command, already resolved by the engine (image Entrypoint/Cmd/Env/WorkingDir/User
 * applied, user names looked up in the image's /etc/passwd).
 *
 * @param cwd working directory inside the container, or null for /
 */
public record ProcessConfig(List<String> args, List<String> env, String cwd, int uid, int gid,
    List<Integer> additionalGids) {

  public ProcessConfig {
    args = List.copyOf(args);
    env = List.copyOf(env);
    additionalGids = List.copyOf(additionalGids);
    if (args.isEmpty() || args.get(0).isEmpty()) {
      throw new IllegalArgumentException("no command specified");
    }
  }

  public static ProcessConfig of(List<String> args, List<String> env) {
    return new ProcessConfig(args, env, null, 0, 0, List.of());
  }

  public ProcessConfig withCwd(String value) {
    return new ProcessConfig(args, env, value, uid, gid, additionalGids);
  }

  public ProcessConfig withUser(int newUid, int newGid, List<Integer> groups) {
    return new ProcessConfig(args, env, cwd, newUid, newGid, groups);
  }
}
