package io.jdocker.daemon.container;

import java.nio.file.Path;

/**
 * Every on-disk path of containers, in one place. Under the data root:
 *
 * <pre>
 * containers/&lt;id&gt;/config.v2.json      the persisted {@link Container} (written atomically)
 * containers/&lt;id&gt;/hostname, hosts, resolv.conf
 * containers/&lt;id&gt;/&lt;id&gt;-json.log        json-file log
 * rootfs/&lt;id&gt;/upper, work, merged      overlay upper/work dirs and mount point
 * </pre>
 *
 * The overlay lives outside {@code containers/} on purpose: deleting a container's dir must never
 * walk into a still-mounted root filesystem.
 */
public final class ContainerLayout {
  public static final String CONFIG_FILE = "config.v2.json";

  private final Path containersDir;
  private final Path rootfsDir;

  public ContainerLayout(Path dataRoot) {
    this.containersDir = dataRoot.resolve("containers");
    this.rootfsDir = dataRoot.resolve("rootfs");
  }

  public Path containersDir() {
    return containersDir;
  }

  public Path rootfsDir() {
    return rootfsDir;
  }

  public Path containerDir(ContainerId id) {
    return containersDir.resolve(id.value());
  }

  public Path configFile(ContainerId id) {
    return containerDir(id).resolve(CONFIG_FILE);
  }

  public ContainerPaths pathsOf(ContainerId id) {
    Path dir = containerDir(id);
    Path rootfs = rootfsDir.resolve(id.value());
    return new ContainerPaths(dir, rootfs.resolve("upper"), rootfs.resolve("work"), rootfs.resolve("merged"),
        dir.resolve("hostname"), dir.resolve("hosts"), dir.resolve("resolv.conf"),
        dir.resolve(id.value() + "-json.log"));
  }
}
