package io.jdocker.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The busybox root filesystem tar the tests import, made by the project's own script. */
public final class BusyboxImage {
  private static Path tar;

  private BusyboxImage() {}

  public static synchronized Path rootfsTar() {
    if (tar == null) {
      try {
        Path file = Files.createTempFile("jdocker-it-busybox", ".tar");
        file.toFile().deleteOnExit();
        Command.of(List.of(Tools.checkout().resolve("scripts/make-busybox-rootfs.sh").toString(),
            file.toString())).run().assertSuccess();
        tar = file;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return tar;
  }

  /** Imports the rootfs as {@code ref} with the default command sh; returns the image ID. */
  public static String importAs(Daemon daemon, String ref) {
    return daemon.jdockerCommand("import", "-c", "CMD [\"sh\"]", "-", ref)
        .stdinFrom(rootfsTar()).run().assertSuccess().out();
  }
}
