package io.jdocker.daemon.runtime;

import io.jdocker.linux.cgroup.CgroupLayout;
import io.jdocker.linux.jnr.JnrMountSyscalls;
import io.jdocker.linux.jnr.JnrProcessSyscalls;
import io.jdocker.linux.mount.MountSyscalls;
import io.jdocker.linux.process.InitHelper;
import io.jdocker.linux.process.InitLauncher;
import io.jdocker.linux.signal.Signaller;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How the runtime reaches the host. {@link #fromHost} gives the real thing; tests swap the parts
 * they need (e.g. a cgroup parent of their own).
 *
 * @param cgroupParent the cgroup under which every container gets {@code <parent>/<id>}
 * @param dockerInit the static init for {@code --init}; empty if the host has none
 */
public record RuntimeOptions(
    InitLauncher launcher,
    CgroupLayout cgroupLayout,
    Path cgroupRoot,
    String cgroupParent,
    Signaller signaller,
    MountSyscalls mountSyscalls,
    ContainerFiles files,
    NetworkSetup network,
    Optional<Path> dockerInit) {

  public static final String DEFAULT_CGROUP_PARENT = "jdocker";

  /**
   * @param runDir short-path directory for jdocker-init's control sockets (e.g. /run/jdocker)
   * @param initPath daemon.json "init-path", or null to search for docker-init
   */
  public static RuntimeOptions fromHost(Path runDir, String initPath) {
    return new RuntimeOptions(
        new InitLauncher(InitHelper.locate(), runDir.resolve("init"), JnrProcessSyscalls.INSTANCE),
        CgroupLayout.detect(), CgroupLayout.DEFAULT_ROOT, DEFAULT_CGROUP_PARENT, JnrProcessSyscalls.INSTANCE,
        JnrMountSyscalls.INSTANCE, ContainerFiles.fromHost(), LoopbackUp.fromHost(), DockerInit.locate(initPath));
  }

  public RuntimeOptions withCgroupParent(String parent) {
    return new RuntimeOptions(launcher, cgroupLayout, cgroupRoot, parent, signaller, mountSyscalls, files, network,
        dockerInit);
  }

  public RuntimeOptions withFiles(ContainerFiles value) {
    return new RuntimeOptions(launcher, cgroupLayout, cgroupRoot, cgroupParent, signaller, mountSyscalls, value,
        network, dockerInit);
  }
}
