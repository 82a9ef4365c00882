package io.jdocker.daemon.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.linux.cgroup.CgroupResources;
import io.jdocker.linux.mount.MountFlags;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing and defaults of the runtime's input values. */
class RuntimeInputsTest {

  @Test
  void swapDefaultsToTwiceMemoryAndCpusBecomeQuotaPerPeriod() {
    CgroupResources r = new Resources(64 << 20, 0, 1_500_000_000, 512, " 0-1 ", 100).validate(2).toCgroup();
    assertEquals(new CgroupResources(64 << 20, 128 << 20, 150_000, 100_000, 512, "0-1", null, 100), r);
  }

  @Test
  void unlimitedSwapAndUnsetValuesPassThrough() {
    assertEquals(new CgroupResources(64 << 20, -1, 0, 0, 0, null, null, 0),
        new Resources(64 << 20, -1, 0, 0, "", -1).toCgroup());
    assertEquals(CgroupResources.NONE, Resources.NONE.toCgroup());
  }

  @Test
  void resourcesAreRejectedWithDockersMessages() {
    assertEquals("Minimum memory limit allowed is 6MB", assertThrows(InvalidParameterException.class,
        () -> new Resources(1 << 20, 0, 0, 0, null, 0).validate(2)).getMessage());
    assertEquals("You should always set the Memory limit when using Memoryswap limit, see usage",
        assertThrows(InvalidParameterException.class, () -> new Resources(0, 1 << 30, 0, 0, null, 0).validate(2))
            .getMessage());
    assertEquals("Minimum memoryswap limit should be larger than memory limit, see usage",
        assertThrows(InvalidParameterException.class,
            () -> new Resources(64 << 20, 32 << 20, 0, 0, null, 0).validate(2)).getMessage());
    assertEquals("Range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available",
        assertThrows(InvalidParameterException.class,
            () -> new Resources(0, 0, 3_000_000_000L, 0, null, 0).validate(2)).getMessage());
  }

  @Test
  void bindsParseDockersForms() {
    assertEquals(new BindSpec(Path.of("/h"), "/c", false), BindSpec.parse("/h:/c"));
    assertEquals(new BindSpec(Path.of("/h"), "/c", true), BindSpec.parse("/h:/c:ro"));
    assertEquals(new BindSpec(Path.of("/h"), "/c", false), BindSpec.parse("/h:/c:rw"));
    assertEquals("invalid volume specification: '/h'",
        assertThrows(InvalidParameterException.class, () -> BindSpec.parse("/h")).getMessage());
    assertThrows(InvalidParameterException.class, () -> BindSpec.parse("/h:/c:bogus"));
    assertThrows(InvalidParameterException.class, () -> BindSpec.parse("rel:/c"));
    assertThrows(InvalidParameterException.class, () -> BindSpec.parse("/h:rel"));
  }

  @Test
  void tmpfsStartsNoexecNosuidNodevAndTakesOverrides() {
    TmpfsSpec.MountOptions plain = TmpfsSpec.parse("/run").mountOptions();
    assertEquals(MountFlags.MS_NOEXEC | MountFlags.MS_NOSUID | MountFlags.MS_NODEV, plain.flags());
    assertEquals("", plain.data());
    TmpfsSpec.MountOptions custom = TmpfsSpec.parse("/run:exec,size=64m,mode=1770,ro").mountOptions();
    assertEquals(MountFlags.MS_NOSUID | MountFlags.MS_NODEV, custom.flags());
    assertEquals("size=64m,mode=1770", custom.data());
    assertEquals(true, custom.readOnly());
    assertThrows(InvalidParameterException.class, () -> TmpfsSpec.parse("/run:bogus=1"));
    assertThrows(InvalidParameterException.class, () -> TmpfsSpec.parse("run"));
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
