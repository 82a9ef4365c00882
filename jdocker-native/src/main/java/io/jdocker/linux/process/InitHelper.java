package io.jdocker.linux.process;

import io.jdocker.errdefs.UnavailableException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/** Finds the jdocker-init binary: {@code -Djdocker.init.path}, else next to the jars. */
public final class InitHelper {
  public static final String PATH_PROPERTY = "jdocker.init.path";
  static final String NAME = "jdocker-init";

  private InitHelper() {}

  public static Path locate() {
    String configured = System.getProperty(PATH_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured);
      if (!Files.isExecutable(path)) {
        throw new UnavailableException(NAME + " not found or not executable at " + path
            + " (set by -D" + PATH_PROPERTY + ")");
      }
      return path;
    }
    List<Path> candidates = candidates();
    return candidates.stream().filter(Files::isExecutable).findFirst().orElseThrow(() ->
        new UnavailableException(NAME + " not found; looked in " + candidates
            + "; set -D" + PATH_PROPERTY));
  }

  // A jar in lib/ finds it beside itself or in ../libexec; target/classes finds target/jdocker-init.
  private static List<Path> candidates() {
    List<Path> result = new ArrayList<>();
    CodeSource source = InitHelper.class.getProtectionDomain().getCodeSource();
    if (source == null) {
      return result;
    }
    try {
      Path dir = Path.of(source.getLocation().toURI()).toAbsolutePath().getParent();
      result.add(dir.resolve(NAME));
      result.add(dir.resolveSibling("libexec").resolve(NAME));
      result.add(dir.resolveSibling("bin").resolve(NAME));
    } catch (URISyntaxException | IllegalArgumentException e) {
      // Not a file location (e.g. a custom class loader): fall through to "not found".
    }
    return result;
  }
}
