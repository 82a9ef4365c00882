package io.jdocker.daemon.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdocker.daemon.api.types.container.ContainerConfig;
import io.jdocker.daemon.api.types.container.ContainerCreateRequest;
import io.jdocker.errdefs.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigMergerTest {
  /** An image like nginx: entrypoint script, default cmd, env, labels, workdir, stop signal. */
  private static final io.jdocker.image.oci.ContainerConfig IMAGE = new io.jdocker.image.oci.ContainerConfig("nginx",
      Map.of("80/tcp", Map.of()), List.of("PATH=/usr/bin:/bin", "NGINX_VERSION=1.25", "LANG=C"),
      List.of("/docker-entrypoint.sh"), List.of("nginx", "-g", "daemon off;"), null, "/srv",
      Map.of("maintainer", "img", "tier", "image"), null, "SIGQUIT", null);

  private static ContainerConfig request(String json) {
    return ContainerCreateRequest.parse(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8)).config();
  }

  @Test
  void emptyRequestTakesEverythingFromTheImage() {
    ContainerConfig c = ConfigMerger.merge(request("{'Image':'nginx'}"), IMAGE);
    assertEquals(List.of("/docker-entrypoint.sh"), c.entrypoint());
    assertEquals(List.of("nginx", "-g", "daemon off;"), c.cmd());
    assertEquals("nginx", c.user());
    assertEquals("/srv", c.workingDir());
    assertEquals("SIGQUIT", c.stopSignal());
    assertEquals(IMAGE.env(), c.env());
    assertEquals(Map.of("maintainer", "img", "tier", "image"), c.labels());
    assertEquals(Map.of("80/tcp", Map.of()), c.exposedPorts());
    ConfigMerger.Command cmd = ConfigMerger.command(c);
    assertEquals("/docker-entrypoint.sh", cmd.path());
    assertEquals(List.of("nginx", "-g", "daemon off;"), cmd.args());
  }

  @Test
  void requestCmdReplacesImageCmdButKeepsEntrypoint() {
    ContainerConfig c = ConfigMerger.merge(request("{'Cmd':['sh']}"), IMAGE);
    assertEquals(List.of("/docker-entrypoint.sh"), c.entrypoint());
    assertEquals(List.of("sh"), c.cmd());
  }

  @Test
  void requestEntrypointDropsTheImageCmd() {
    ContainerConfig c = ConfigMerger.merge(request("{'Entrypoint':['/bin/echo']}"), IMAGE);
    assertEquals(List.of("/bin/echo"), c.entrypoint());
    assertNull(c.cmd());
    assertEquals(new ConfigMerger.Command("/bin/echo", List.of()), ConfigMerger.command(c));
  }

  @Test
  void emptyEntrypointResetsItAndNeedsACmd() {
    ContainerConfig c = ConfigMerger.merge(request("{'Entrypoint':[''],'Cmd':['ls','-l']}"), IMAGE);
    assertNull(c.entrypoint());
    assertEquals(new ConfigMerger.Command("ls", List.of("-l")), ConfigMerger.command(c));
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> ConfigMerger.merge(request("{'Entrypoint':''}"), IMAGE));
    assertEquals("No command specified", e.getMessage());
  }

  @Test
  void noCommandAnywhereIsRejected() {
    assertEquals("No command specified", assertThrows(InvalidParameterException.class,
        () -> ConfigMerger.merge(request("{'Image':'scratch'}"), io.jdocker.image.oci.ContainerConfig.empty())).getMessage());
  }

  @Test
  void envRequestWinsByKeyAndImageRestIsAppended() {
    ContainerConfig c = ConfigMerger.merge(request("{'Env':['LANG=de_DE','FOO=1'],'Cmd':['x']}"), IMAGE);
    assertEquals(List.of("LANG=de_DE", "FOO=1", "PATH=/usr/bin:/bin", "NGINX_VERSION=1.25"), c.env());
  }

  @Test
  void labelsUserWorkdirAndStopSignalFromTheRequestWin() {
    ContainerConfig c = ConfigMerger.merge(
        request("{'Labels':{'tier':'req'},'User':'1000','WorkingDir':'/w','StopSignal':'9','Cmd':['x']}"), IMAGE);
    assertEquals(Map.of("maintainer", "img", "tier", "req"), c.labels());
    assertEquals("1000", c.user());
    assertEquals("/w", c.workingDir());
    assertEquals("9", c.stopSignal());
  }

  @Test
  void createTimeChecks() {
    assertEquals("the working directory 'rel' is invalid, it needs to be an absolute path",
        assertThrows(InvalidParameterException.class,
            () -> ConfigMerger.merge(request("{'WorkingDir':'rel','Cmd':['x']}"), IMAGE)).getMessage());
    assertEquals("Invalid signal: SIGNOPE", assertThrows(InvalidParameterException.class,
        () -> ConfigMerger.merge(request("{'StopSignal':'SIGNOPE','Cmd':['x']}"), IMAGE)).getMessage());
    assertEquals("invalid environment variable: =x", assertThrows(InvalidParameterException.class,
        () -> ConfigMerger.merge(request("{'Env':['=x'],'Cmd':['x']}"), IMAGE)).getMessage());
  }

  @Test
  void processEnvironmentAsDockerBuildsIt() {
    assertEquals(List.of("PATH=" + ProcessEnv.DEFAULT_PATH, "HOSTNAME=abc", "FOO=1", "HOME=/root"),
        ProcessEnv.build(List.of("FOO=1"), "abc", false, "/root"));
    assertEquals(List.of("PATH=/x", "HOSTNAME=abc", "TERM=xterm", "HOME=/h"),
        ProcessEnv.build(List.of("PATH=/x", "HOME=/h"), "abc", true, "/root"));
    assertEquals(List.of("PATH=" + ProcessEnv.DEFAULT_PATH, "FOO=1"),
        ProcessEnv.build(List.of("HOSTNAME", "FOO=1"), "abc", false, null), "a bare key unsets it");
  }
}
