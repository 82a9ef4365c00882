package io.jdocker.linux.cgroup;

import io.jdocker.linux.signal.Signaller;
import java.nio.file.Files;
import java.nio.file.Path;

/** Which cgroup version a host uses, and the manager for it. */
public enum CgroupLayout {
  /** One hierarchy per controller under /sys/fs/cgroup/NAME (a hybrid "unified" mount is ignored). */
  V1("1"),
  /** The unified hierarchy mounted at /sys/fs/cgroup. */
  V2("2");

  public static final Path DEFAULT_ROOT = Path.of("/sys/fs/cgroup");

  private final String version;

  CgroupLayout(String version) {
    this.version = version;
  }

  /** "1" or "2", as {@code docker info} reports CgroupVersion. */
  public String version() {
    return version;
  }

  public static CgroupLayout detect() {
    return detect(DEFAULT_ROOT);
  }

  public static CgroupLayout detect(Path root) {
    return Files.exists(root.resolve("cgroup.controllers")) ? V2 : V1;
  }

  /** A manager for {@code group} (a relative path such as "jdocker/ID") under {@code root}. */
  public CgroupManager manager(Path root, String group, Signaller signaller) {
    return switch (this) {
      case V1 -> new CgroupV1Manager(root, group, signaller);
      case V2 -> new CgroupV2Manager(root, group, signaller);
    };
  }

  /** A reader of the usage counters of {@code group} under {@code root} (docker stats). */
  public CgroupStatsReader statsReader(Path root, String group) {
    return switch (this) {
      case V1 -> new CgroupV1StatsReader(root, group);
      case V2 -> new CgroupV2StatsReader(root, group);
    };
  }
}
