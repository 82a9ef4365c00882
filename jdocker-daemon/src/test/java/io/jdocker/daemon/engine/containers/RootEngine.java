package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.container.ContainerLayout;
import io.jdocker.daemon.container.ContainerListFilter;
import io.jdocker.daemon.container.ProcessIdentity;
import io.jdocker.daemon.container.StateStore;
import io.jdocker.daemon.engine.events.EventBus;
import io.jdocker.daemon.runtime.ContainerRuntime;
import io.jdocker.daemon.runtime.RuntimeOptions;
import io.jdocker.image.oci.ContainerConfig;
import io.jdocker.linux.jnr.JnrFileSystemCalls;
import io.jdocker.linux.process.InitHelper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The real container engine for root tests: the native runtime under a temp dir, with a busybox
 * layer made from the host's /bin/busybox as every image. Skips the test when not root or when
 * busybox or jdocker-init is missing.
 */
final class RootEngine {
  private RootEngine() {}

  /** Skips unless the test can run real containers; points the engine at the built jdocker-init. */
  static void assumeRunnable() {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "needs /bin/busybox");
    if (System.getProperty(InitHelper.PATH_PROPERTY) == null) {
      Path built = Path.of("../jdocker-native/target/jdocker-init").toAbsolutePath().normalize();
      Assumptions.assumeTrue(Files.isExecutable(built), "jdocker-init not built at " + built);
      System.setProperty(InitHelper.PATH_PROPERTY, built.toString());
    }
  }

  /** A container engine with its data and exec roots under {@code tmp} (not yet given images). */
  static ContainerService service(Path tmp, EventBus bus) {
    ContainerRuntime runtime = new ContainerRuntime(RuntimeOptions.fromHost(tmp.resolve("exec"), null));
    ContainerLayout layout = new ContainerLayout(tmp.resolve("data"));
    return new ContainerService(new StateStore(layout),
        new NativeProcessRuntime(runtime, JnrFileSystemCalls.instance(), layout.rootfsDir(), tmp.resolve("exec")),
        bus, 2, false, () -> "host", new ProcessIdentity());
  }

  /** {@link #service} whose every image reference is the one unpacked {@code layer}. */
  static ContainerService serviceWithLayer(Path tmp, Path layer) {
    ContainerService service = service(tmp, new EventBus());
    service.useImages(new ImageSource() {
      @Override
      public Image resolve(String reference) {
        return new Image("sha256:" + "1".repeat(64), ContainerConfig.empty(), List.of(layer.toString()));
      }

      @Override
      public Optional<Image> find(String reference) {
        return Optional.of(resolve(reference));
      }
    });
    return service;
  }

  /** Force-removes every container the engine knows. */
  static void removeAll(ContainerService service) {
    for (var c : service.list(new ContainerListFilter.Options(true, -1, null), false)) {
      service.remove(c.id(), true, false);
    }
  }

  /** An unpacked busybox layer in {@code dir}: the binary, its applet links and a few dirs. */
  static Path busyboxLayer(Path dir) throws IOException, InterruptedException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"), StandardCopyOption.COPY_ATTRIBUTES);
    Process list = new ProcessBuilder("/bin/busybox", "--list").start();
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
}
