package io.jdocker.linux.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Assumptions;

/** A minimal root filesystem: a static busybox and a symlink per applet in /bin. */
final class BusyboxRootfs {
  private static final Path BUSYBOX = Path.of("/bin/busybox");

  private BusyboxRootfs() {}

  static Path create(Path dir) throws IOException, InterruptedException {
    Assumptions.assumeTrue(Files.isExecutable(BUSYBOX), "needs /bin/busybox (apt-get install busybox-static)");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.copy(BUSYBOX, bin.resolve("busybox"), StandardCopyOption.COPY_ATTRIBUTES);
    Process list = new ProcessBuilder(BUSYBOX.toString(), "--list").start();
    for (String applet : new String(list.getInputStream().readAllBytes()).split("\n")) {
      if (!applet.isBlank() && !applet.equals("busybox")) {
        Files.createSymbolicLink(bin.resolve(applet.trim()), Path.of("busybox"));
      }
    }
    list.waitFor();
    for (String d : new String[] {"etc", "tmp", "proc", "sys", "dev", "root"}) {
      Files.createDirectories(dir.resolve(d));
    }
    Files.writeString(dir.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
    return dir;
  }

  static void assumeRoot() {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
        "container tests need root (namespaces, mounts, cgroups)");
  }
}
