package io.jdocker.daemon.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.daemon.api.types.container.RestartPolicy;
import io.jdocker.errdefs.InvalidParameterException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Signals, sizes, restart policies, binds and tmpfs options: Docker's syntax and error texts. */
class ParsersTest {
  @ParameterizedTest
  @CsvSource({"SIGTERM,15", "TERM,15", "term,15", "15,15", "SIGKILL,9", "KILL,9", "SIGUSR1,10", "HUP,1", "SIGCHLD,17",
      "RTMIN,34", "RTMIN+3,37", "RTMAX-1,63", "RTMAX,64", "SIGWINCH,28"})
  void signals(String name, int number) {
    assertEquals(number, Signals.parse(name));
  }

  @ParameterizedTest
  @CsvSource({"SIGNOPE", "0", "-3", "''", "SIG"})
  void badSignals(String name) {
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> Signals.parse(name));
    assertEquals("Invalid signal: " + name, e.getMessage());
  }

  @Test
  void stopSignalDefaultsToTerm() {
    assertEquals(15, Signals.stopSignal(""));
    assertEquals(3, Signals.stopSignal("SIGQUIT"));
  }

  @ParameterizedTest
  @CsvSource({"64m,67108864", "64M,67108864", "64mb,67108864", "64MiB,67108864", "1g,1073741824", "512,512",
      "1.5k,1536", "6m,6291456", "1 kb,1024", "2t,2199023255552"})
  void ramSizes(String text, long bytes) {
    assertEquals(bytes, ByteSizes.parseRam(text));
  }

  @ParameterizedTest
  @CsvSource({"12x", "''", "m", "-1m", "1.2.3m"})
  void badRamSizes(String text) {
    assertEquals("invalid size: '" + text + "'",
        assertThrows(InvalidParameterException.class, () -> ByteSizes.parseRam(text)).getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"no|no|0", "always|always|0", "unless-stopped|unless-stopped|0",
      "on-failure|on-failure|0", "on-failure:3|on-failure|3", "''|''|0"})
  void restartPolicyParsing(String text, String name, int max) {
    assertEquals(new RestartPolicy(name, max), RestartPolicies.parse(text));
  }

  @Test
  void restartPolicyErrors() {
    assertEquals("invalid restart policy format: no policy provided before colon",
        assertThrows(InvalidParameterException.class, () -> RestartPolicies.parse(":3")).getMessage());
    assertEquals("invalid restart policy format: maximum retry count must be an integer",
        assertThrows(InvalidParameterException.class, () -> RestartPolicies.parse("on-failure:x")).getMessage());
    assertEquals("invalid restart policy: maximum retry count can only be used with 'on-failure'",
        assertThrows(InvalidParameterException.class,
            () -> RestartPolicies.validate(new RestartPolicy("always", 2), false)).getMessage());
    assertEquals("invalid restart policy: maximum retry count can only be used with 'on-failure' and cannot be negative",
        assertThrows(InvalidParameterException.class,
            () -> RestartPolicies.validate(new RestartPolicy("no", -1), false)).getMessage());
    assertEquals("invalid restart policy: maximum retry count cannot be negative",
        assertThrows(InvalidParameterException.class,
            () -> RestartPolicies.validate(new RestartPolicy("on-failure", -1), false)).getMessage());
    assertEquals("invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'",
        assertThrows(InvalidParameterException.class,
            () -> RestartPolicies.validate(new RestartPolicy("sometimes", 0), false)).getMessage());
    assertEquals("can't create 'AutoRemove' container with restart policy",
        assertThrows(InvalidParameterException.class,
            () -> RestartPolicies.validate(new RestartPolicy("always", 0), true)).getMessage());
    RestartPolicies.validate(new RestartPolicy("", 5), false);
    RestartPolicies.validate(new RestartPolicy("no", 0), true);
    RestartPolicies.validate(new RestartPolicy("on-failure", 3), false);
  }

  @Test
  void restartDecisions() {
    RestartPolicy onFailure2 = new RestartPolicy("on-failure", 2);
    assertTrue(RestartPolicies.shouldRestart(onFailure2, 1, 0, false));
    assertTrue(RestartPolicies.shouldRestart(onFailure2, 1, 1, false));
    assertFalse(RestartPolicies.shouldRestart(onFailure2, 1, 2, false), "retries used up");
    assertFalse(RestartPolicies.shouldRestart(onFailure2, 0, 0, false), "success is not a failure");
    assertTrue(RestartPolicies.shouldRestart(new RestartPolicy("on-failure", 0), 1, 99, false), "0 = unlimited");
    assertTrue(RestartPolicies.shouldRestart(new RestartPolicy("always", 0), 0, 5, false));
    assertFalse(RestartPolicies.shouldRestart(new RestartPolicy("always", 0), 0, 5, true), "docker stop cancels");
    assertFalse(RestartPolicies.shouldRestart(RestartPolicy.NO, 1, 0, false));

    ContainerState stoppedByHand = new ContainerState(ContainerStatus.EXITED, 0, 0, 137, false, "", null, null, 0, true);
    ContainerState crashed = new ContainerState(ContainerStatus.EXITED, 0, 0, 1, false, "", null, null, 0, false);
    assertTrue(RestartPolicies.shouldStartOnBoot(new RestartPolicy("always", 0), stoppedByHand));
    assertFalse(RestartPolicies.shouldStartOnBoot(new RestartPolicy("unless-stopped", 0), stoppedByHand));
    assertTrue(RestartPolicies.shouldStartOnBoot(new RestartPolicy("unless-stopped", 0), crashed));
    assertTrue(RestartPolicies.shouldStartOnBoot(onFailure2, crashed));
    assertFalse(RestartPolicies.shouldStartOnBoot(RestartPolicy.NO, crashed));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "/srv/www:/www|/srv/www|/www|false|''|rprivate|false",
      "/srv/www:/www:ro|/srv/www|/www|true|ro|rprivate|false",
      "/srv/www:/www:rw,rshared|/srv/www|/www|false|rw,rshared|rshared|false",
      "/srv//www/:/www/./x/|/srv/www|/www/x|false|''|rprivate|false",
      "data:/data|data|/data|false|''|''|true",
      "data:/data:ro,nocopy|data|/data|true|ro,nocopy|''|true",
  })
  void binds(String raw, String source, String destination, boolean ro, String mode, String propagation, boolean volume) {
    assertEquals(new BindSpec(source, destination, ro, mode, propagation, volume), BindSpec.parse(raw));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "/www:ro|invalid volume specification: '/www:ro'",
      ":/x|invalid volume specification: ':/x'",
      "/a:/b:ro:x|invalid volume specification: '/a:/b:ro:x'",
      "/a|invalid volume specification: '/a'",
      "/a:/b:rx|invalid mode: rx",
      "/a:/b:ro,rw|invalid mode: ro,rw",
      "/a:rel|invalid mount config for type \"bind\": invalid mount path: 'rel' mount path must be absolute",
      "/a:/|invalid specification: destination can't be '/'",
      "/a:/b/..|invalid specification: destination can't be '/'",
  })
  void badBinds(String raw, String message) {
    assertEquals(message, assertThrows(InvalidParameterException.class, () -> BindSpec.parse(raw)).getMessage());
  }

  @Test
  void relativeHostPathIsAVolumeNameWithDockersError() {
    String message = assertThrows(InvalidParameterException.class, () -> BindSpec.parse("./x:/y")).getMessage();
    assertTrue(message.contains("includes invalid characters for a local volume name"), message);
    assertTrue(message.endsWith("If you intended to pass a host directory, use absolute path"), message);
  }

  @Test
  void duplicateMountPoints() {
    assertEquals("Duplicate mount point: /x", assertThrows(InvalidParameterException.class,
        () -> BindSpec.parseAll(List.of("/a:/x", "/b:/x/"))).getMessage());
  }

  @Test
  void tmpfsOptionsMergeOverDockersDefaults() {
    assertEquals(new TmpfsSpec("/run", List.of("noexec", "nosuid", "nodev", "rprivate")), TmpfsSpec.parse("/run", ""));
    assertEquals(List.of("nosuid", "nodev", "rprivate", "size=1m", "exec", "mode=1777"),
        TmpfsSpec.parse("/run", "size=1m,exec,mode=1777").options());
    assertEquals(List.of("noexec", "nosuid", "nodev", "rprivate", "size=2m"),
        TmpfsSpec.parse("/run", "size=1m,size=2m").options());
    assertTrue(TmpfsSpec.parse("/t", "ro").readOnly());
    assertEquals("invalid tmpfs option \"bogus\"",
        assertThrows(InvalidParameterException.class, () -> TmpfsSpec.parse("/run", "bogus")).getMessage());
    assertEquals("invalid tmpfs option \"color=red\"",
        assertThrows(InvalidParameterException.class, () -> TmpfsSpec.parse("/run", "color=red")).getMessage());
    assertEquals("invalid mount path: 'run' mount path must be absolute",
        assertThrows(InvalidParameterException.class, () -> TmpfsSpec.parse("run", "")).getMessage());
    assertEquals("invalid specification: destination can't be '/'",
        assertThrows(InvalidParameterException.class, () -> TmpfsSpec.parse("/", "")).getMessage());
    assertEquals(2, TmpfsSpec.parseAll(Map.of("/a", "", "/b", "size=1m")).size());
  }

  @Test
  void containerIdsAndNames() {
    ContainerId id = ContainerId.random();
    assertTrue(id.value().matches("[0-9a-f]{64}"));
    assertEquals(id.value().substring(0, 12), id.shortId());
    assertTrue(id.shortId().chars().anyMatch(Character::isLetter), "never an all-digit short ID");
    assertThrows(InvalidParameterException.class, () -> ContainerId.of("ABC"));
    assertThrows(InvalidParameterException.class, () -> ContainerId.of("g".repeat(64)));
    assertEquals("web", ContainerName.validate("/web"));
    assertEquals("my.app-1_x", ContainerName.validate("my.app-1_x"));
    assertEquals("/web", ContainerName.display("web"));
  }
}
