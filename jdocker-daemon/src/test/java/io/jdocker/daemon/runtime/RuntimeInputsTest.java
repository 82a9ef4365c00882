package io.jdocker.daemon.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.linux.cgroup.CgroupResources;
import io.jdocker.linux.mount.MountFlags;
import io.jdocker.daemon.api.types.container.HostConfig;
import io.jdocker.daemon.container.ResourceLimits;
import io.jdocker.daemon.container.TmpfsSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing and defaults of the runtime's input values. */
class RuntimeInputsTest {

  @Test
  void swapDefaultsToTwiceMemoryAndCpusBecomeQuotaPerPeriod() {
    HostConfig h = HostConfig.empty().with(Map.of("Memory", 64L << 20, "NanoCpus", 1_500_000_000L, "CpuShares", 512L,
        "CpusetCpus", " 0-1 ", "PidsLimit", 100L));
    assertEquals(new CgroupResources(64 << 20, 128 << 20, 150_000, 100_000, 512, "0-1", null, 100),
        CgroupLimits.of(ResourceLimits.of(h)));
  }

  @Test
  void unlimitedSwapAndUnsetValuesPassThrough() {
    HostConfig h = HostConfig.empty().with(Map.of("Memory", 64L << 20, "MemorySwap", -1L, "PidsLimit", -1L));
    assertEquals(new CgroupResources(64 << 20, -1, 0, 0, 0, null, null, 0), CgroupLimits.of(ResourceLimits.of(h)));
    assertEquals(CgroupResources.NONE, CgroupLimits.of(RuntimeConfig.NO_LIMITS));
  }

  @Test
  void tmpfsStartsNoexecNosuidNodevAndTakesOverrides() {
    TmpfsMountOptions plain = TmpfsMountOptions.of(TmpfsSpec.parse("/run", ""));
    assertEquals(MountFlags.MS_NOEXEC | MountFlags.MS_NOSUID | MountFlags.MS_NODEV, plain.flags());
    assertEquals("", plain.data());
    TmpfsMountOptions custom = TmpfsMountOptions.of(TmpfsSpec.parse("/run", "exec,size=64m,mode=1770,ro"));
    assertEquals(MountFlags.MS_NOSUID | MountFlags.MS_NODEV, custom.flags());
    assertEquals("size=64m,mode=1770", custom.data());
    assertEquals(true, custom.readOnly());
  }

  @Test
  void networkModes() {
    assertEquals(NetworkMode.BRIDGE, NetworkMode.parse(""));
    assertEquals(NetworkMode.BRIDGE, NetworkMode.parse("default"));
    assertEquals(NetworkMode.BRIDGE, NetworkMode.parse("bridge"));
    assertEquals(NetworkMode.NONE, NetworkMode.parse("none"));
    assertEquals(NetworkMode.HOST, NetworkMode.parse("host"));
    assertThrows(InvalidParameterException.class, () -> NetworkMode.parse("container:abc"));
  }

  @Test
  void configDefaultsFollowDocker() {
    RuntimeConfig c = RuntimeConfig.builder("0123456789abcdef", Path.of("/d"), ProcessConfig.of(List.of("sh"), List.of()))
        .build();
    assertEquals("0123456789ab", c.hostname());
    assertEquals(15, c.stopSignal());
    assertEquals(NetworkMode.BRIDGE, c.network());
    assertThrows(IllegalArgumentException.class,
        () -> RuntimeConfig.builder("../x", Path.of("/d"), ProcessConfig.of(List.of("sh"), List.of())).build());
  }

  @Test
  void dockerInitWrapsTheCommand() {
    assertEquals(List.of("/sbin/docker-init", "--", "sh", "-c", "x"), DockerInit.wrap(List.of("sh", "-c", "x")));
  }

  @Test
  void mountinfoEscapesAreDecoded() {
    assertEquals("/a dir\\x", MountTable.unescape("/a\\040dir\\134x"));
    assertEquals("/plain\\0", MountTable.unescape("/plain\\0"));
  }
}
