package io.jdocker.daemon.container;

import java.util.ArrayList;
import java.util.List;

/**
 * The environment the container's process gets, as dockerd's {@code CreateDaemonEnvironment}:
 * PATH (default when the config has none), HOSTNAME, TERM=xterm with a TTY, then the config's
 * entries replacing those keys or appended; HOME from the user's passwd entry unless set.
 */
public final class ProcessEnv {
  public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private ProcessEnv() {}

  public static List<String> build(List<String> configEnv, String hostname, boolean tty, String home) {
    List<String> env = new ArrayList<>();
    env.add("PATH=" + DEFAULT_PATH);
    env.add("HOSTNAME=" + hostname);
    if (tty) {
      env.add("TERM=xterm");
    }
    replaceOrAppend(env, configEnv == null ? List.of() : configEnv);
    if (home != null && env.stream().noneMatch(e -> ConfigMerger.key(e).equals("HOME"))) {
      env.add("HOME=" + home);
    }
    return env;
  }

  /** Go's {@code ReplaceOrAppendEnvValues}: an entry without "=" unsets that key. */
  static void replaceOrAppend(List<String> env, List<String> overrides) {
    for (String override : overrides) {
      int eq = override.indexOf('=');
      if (eq < 0) {
        env.removeIf(e -> ConfigMerger.key(e).equals(override));
        continue;
      }
      String key = override.substring(0, eq);
      boolean replaced = false;
      for (int i = 0; i < env.size(); i++) {
        if (ConfigMerger.key(env.get(i)).equals(key)) {
          env.set(i, override);
          replaced = true;
        }
      }
      if (!replaced) {
        env.add(override);
      }
    }
  }
}
