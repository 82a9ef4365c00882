package io.jdocker.daemon.runtime;

import io.jdocker.linux.process.InitHelper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;

/** A busybox image layer, and the bits every runtime test needs (root only). */
final class RuntimeFixture {
  private static final Path BUSYBOX = Path.of("/bin/busybox");

  private RuntimeFixture() {}

  static void assumeRootAndHelper() {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
        "container tests need root (namespaces, mounts, cgroups)");
    Assumptions.assumeTrue(Files.isExecutable(BUSYBOX), "needs /bin/busybox (apt-get install busybox-static)");
    if (System.getProperty(InitHelper.PATH_PROPERTY) == null) {
      // Surefire runs in the module dir; the reactor built the helper next door.
      Path built = Path.of("../jdocker-native/target/jdocker-init").toAbsolutePath().normalize();
      Assumptions.assumeTrue(Files.isExecutable(built), "jdocker-init not built at " + built);
      System.setProperty(InitHelper.PATH_PROPERTY, built.toString());
    }
  }

  /** An image layer like busybox's: a static busybox, one symlink per applet, /etc/passwd. */
  static Path busyboxLayer(Path dir) throws IOException, InterruptedException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.copy(BUSYBOX, bin.resolve("busybox"), StandardCopyOption.COPY_ATTRIBUTES);
    Process list = new ProcessBuilder(BUSYBOX.toString(), "--list").start();
    for (String applet : new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
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

  static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Reads one line (for "ready" handshakes) without buffering past it. */
  static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      line.append((char) b);
    }
    return line.toString();
  }

  /** Limits as the engine builds them from HostConfig (memory, swap, --cpus, shares, cpuset, pids). */
  static io.jdocker.daemon.container.ResourceLimits limits(long memory, long memorySwap, long nanoCpus,
      long cpuShares, String cpusetCpus, long pidsLimit) {
    java.util.Map<String, Object> h = new java.util.HashMap<>();
    h.put("Memory", memory);
    h.put("MemorySwap", memorySwap);
    h.put("NanoCpus", nanoCpus);
    h.put("CpuShares", cpuShares);
    h.put("CpusetCpus", cpusetCpus == null ? "" : cpusetCpus);
    h.put("PidsLimit", pidsLimit);
    return io.jdocker.daemon.container.ResourceLimits.of(
        io.jdocker.daemon.api.types.container.HostConfig.empty().with(h));
  }
}
