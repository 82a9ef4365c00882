package io.jdocker.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonConfigTest {
  @TempDir Path dir;

  private static final DaemonConfig.Flags NO_FLAGS = new DaemonConfig.Flags(List.of(), Optional.empty(),
      Optional.empty(), Optional.empty(), Optional.empty(), false);

  @Test
  void defaultsAreDockerdLike() throws Exception {
    DaemonConfig c = DaemonConfig.resolve(NO_FLAGS, DaemonConfigFile.NONE, DaemonConfig.DEFAULT_CONFIG_FILE);
    assertEquals(List.of(Path.of("/run/jdocker.sock")), c.sockets());
    assertEquals(Path.of("/var/lib/jdocker"), c.dataRoot());
    assertEquals(Path.of("/run/jdocker"), c.execRoot());
    assertEquals(Path.of("/run/jdocker.pid"), c.pidFile());
    assertEquals("info", c.logLevel());
  }

  @Test
  void fileValuesApplyAndPidfileFollowsACustomExecRoot() throws Exception {
    DaemonConfigFile file = DaemonConfigFile.parse("daemon.json", """
        {"hosts": ["unix:///tmp/j.sock"], "data-root": "/tmp/d", "exec-root": "/tmp/e",
         "debug": true, "insecure-registries": ["127.0.0.1:5000"], "registry-mirrors": ["https://m"],
         "storage-driver": "overlay2"}""");
    DaemonConfig c = DaemonConfig.resolve(NO_FLAGS, file, Path.of("daemon.json"));
    assertEquals(List.of(Path.of("/tmp/j.sock")), c.sockets());
    assertEquals(Path.of("/tmp/e/jdockerd.pid"), c.pidFile());
    assertEquals("debug", c.logLevel());
    assertEquals(List.of("127.0.0.1:5000"), c.insecureRegistries());
    assertEquals(List.of("https://m"), c.registryMirrors());
  }

  @Test
  void optionInBothFlagAndFileIsRefused() throws Exception {
    DaemonConfigFile file = DaemonConfigFile.parse("daemon.json", "{\"data-root\": \"/x\"}");
    DaemonConfig.Flags flags = new DaemonConfig.Flags(List.of(), Optional.of(Path.of("/y")), Optional.empty(),
        Optional.empty(), Optional.empty(), false);
    ConfigException e = assertThrows(ConfigException.class,
        () -> DaemonConfig.resolve(flags, file, Path.of("daemon.json")));
    assertTrue(e.getMessage().contains("data-root"), e.getMessage());
  }

  @Test
  void malformedFileNamesFileAndProblem() {
    ConfigException syntax = assertThrows(ConfigException.class,
        () -> DaemonConfigFile.parse("/etc/jdocker/daemon.json", "{\"debug\": tru}"));
    assertTrue(syntax.getMessage().contains("/etc/jdocker/daemon.json") && syntax.getMessage().contains("line 1"),
        syntax.getMessage());
    ConfigException type = assertThrows(ConfigException.class,
        () -> DaemonConfigFile.parse("d.json", "{\"insecure-registries\": \"127.0.0.1:5000\"}"));
    assertTrue(type.getMessage().contains("insecure-registries"), type.getMessage());
  }

  @Test
  void missingFileIsFineUnlessGivenExplicitly() throws Exception {
    Path missing = dir.resolve("nope.json");
    assertEquals(DaemonConfigFile.NONE, DaemonConfigFile.load(missing, false));
    assertThrows(ConfigException.class, () -> DaemonConfigFile.load(missing, true));
    Files.writeString(dir.resolve("d.json"), "{\"log-level\": \"warn\"}");
    assertEquals(Optional.of("warn"), DaemonConfigFile.load(dir.resolve("d.json"), true).logLevel());
  }

  @Test
  void badHostLevelAndRegistryAreRefused() throws Exception {
    DaemonConfig.Flags tcp = new DaemonConfig.Flags(List.of("tcp://0.0.0.0:2375"), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), false);
    assertThrows(ConfigException.class, () -> DaemonConfig.resolve(tcp, DaemonConfigFile.NONE, Path.of("x")));
    DaemonConfig.Flags level = new DaemonConfig.Flags(List.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of("verbose"), false);
    assertThrows(ConfigException.class, () -> DaemonConfig.resolve(level, DaemonConfigFile.NONE, Path.of("x")));
    DaemonConfigFile badRegistry = DaemonConfigFile.parse("d.json", "{\"insecure-registries\": [\"http://a/b/c\"]}");
    assertThrows(ConfigException.class, () -> DaemonConfig.resolve(NO_FLAGS, badRegistry, Path.of("d.json")));
  }
}
