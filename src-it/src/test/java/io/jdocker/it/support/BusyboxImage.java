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

  /**
   * Imports the rootfs plus a file {@code /marker} holding {@code marker}, so the image's layer is
   * its own: pulling it back really downloads, where plain busybox layers are shared with every
   * other test's image.
   */
  public static String importUniqueAs(Daemon daemon, String ref, String marker) {
    try {
      Path dir = Files.createTempDirectory("jdocker-it-unique");
      try {
        Path tar = dir.resolve("rootfs.tar");
        Files.copy(rootfsTar(), tar);
        Files.writeString(dir.resolve("marker"), marker + "\n");
        Command.of(List.of("tar", "--append", "-f", tar.toString(), "-C", dir.toString(), "--owner=0",
            "--group=0", "--mtime=@0", "marker")).run().assertSuccess();
        return daemon.jdockerCommand("import", "-c", "CMD [\"sh\"]", "-", ref)
            .stdinFrom(tar).run().assertSuccess().out();
      } finally {
        Daemon.deleteTree(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
