package io.jdocker.daemon.runtime;

import io.jdocker.errdefs.InvalidParameterException;
import java.nio.file.Path;

/** A host path bind-mounted into the container ({@code -v /host:/ctr[:ro]}). */
public record BindSpec(Path source, String destination, boolean readOnly) {

  public BindSpec {
    if (!source.isAbsolute()) {
      throw new InvalidParameterException("invalid mount config: source must be an absolute path: " + source);
    }
    if (!destination.startsWith("/")) {
      throw new InvalidParameterException("invalid mount config: mount path must be absolute: " + destination);
    }
  }

  /** Parses Docker's HostConfig.Binds entry "host:ctr", "host:ctr:ro" or "host:ctr:rw". */
  public static BindSpec parse(String bind) {
    String[] parts = bind.split(":", -1);
    if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new InvalidParameterException("invalid volume specification: '" + bind + "'");
    }
    boolean readOnly = false;
    if (parts.length == 3) {
      for (String option : parts[2].split(",")) {
        switch (option) {
          case "ro" -> readOnly = true;
          case "rw", "z", "Z", "rprivate", "private", "" -> { }
          default -> throw new InvalidParameterException("invalid mode: " + parts[2]);
        }
      }
    }
    return new BindSpec(Path.of(parts[0]), parts[1], readOnly);
  }
}
