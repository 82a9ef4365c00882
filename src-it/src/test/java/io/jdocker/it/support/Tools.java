package io.jdocker.it.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the programs under test are: the checkout's launchers and the docker CLI 28. */
public final class Tools {
  private Tools() {}

  public static Path checkout() {
    String root = System.getProperty("jdocker.root");
    if (root == null) {
      throw new AssertionError("system property jdocker.root is not set (run through scripts/test.sh)");
    }
    return Path.of(root).toAbsolutePath().normalize();
  }

  public static Path jdocker() {
    return requireExecutable(checkout().resolve("bin/jdocker"));
  }

  public static Path jdockerd() {
    return requireExecutable(checkout().resolve("bin/jdockerd"));
  }

  /** The docker CLI 28 that every machine of this kind has (Debian's docker.io ships an older one). */
  public static Path docker() {
    for (String candidate : new String[] {"/usr/local/bin/docker", "/usr/bin/docker"}) {
      Path p = Path.of(candidate);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new AssertionError("the docker CLI is not installed");
  }

  private static Path requireExecutable(Path p) {
    if (!Files.isExecutable(p)) {
      throw new AssertionError(p + " is missing: run scripts/build.sh first");
    }
    return p;
  }
}
