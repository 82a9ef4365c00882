package io.jdocker.image.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.image.oci.ContainerConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigChangesTest {
  private static ContainerConfig apply(String... changes) {
    return ConfigChanges.apply(ContainerConfig.empty(), List.of(changes));
  }

  @Test
  void jsonAndShellForms() {
    assertEquals(List.of("/bin/sh"), apply("CMD [\"/bin/sh\"]").cmd());
    assertEquals(List.of("/bin/sh", "-c", "echo hi"), apply("CMD echo hi").cmd());
    assertEquals(List.of("/bin/sh", "-c", "[not json"), apply("cmd [not json").cmd());
    ContainerConfig c = apply("ENTRYPOINT [\"/init\", \"-v\"]");
    assertEquals(List.of("/init", "-v"), c.entrypoint());
  }

  @Test
  void entrypointResetsCmdUnlessCmdCameFirst() {
    ContainerConfig base = ConfigChanges.apply(ContainerConfig.empty(), List.of("CMD [\"a\"]"));
    assertNull(ConfigChanges.apply(base, List.of("ENTRYPOINT [\"e\"]")).cmd());
    assertEquals(List.of("a"), apply("CMD [\"a\"]", "ENTRYPOINT [\"e\"]").cmd());
  }

  @Test
  void envLabelExposeVolumeUserWorkdirStopsignalOnbuild() {
    ContainerConfig c = apply("ENV A=1 B=\"two words\"", "ENV C legacy value", "ENV A=3",
        "LABEL version=1.0 \"com.x\"=y", "EXPOSE 80 53/udp 8000-8001", "VOLUME /data /logs", "VOLUME [\"/j\"]",
        "USER nobody", "WORKDIR /app", "WORKDIR sub", "STOPSIGNAL SIGKILL", "ONBUILD run echo x");
    assertEquals(List.of("B=two words", "C=legacy value", "A=3"), c.env());
    assertEquals(Map.of("version", "1.0", "com.x", "y"), c.labels());
    assertEquals(List.of("80/tcp", "53/udp", "8000/tcp", "8001/tcp"), List.copyOf(c.exposedPorts().keySet()));
    assertEquals(List.of("/data", "/logs", "/j"), List.copyOf(c.volumes().keySet()));
    assertEquals("nobody", c.user());
    assertEquals("/app/sub", c.workingDir());
    assertEquals("SIGKILL", c.stopSignal());
    assertEquals(List.of("RUN echo x"), c.onBuild());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "RUN echo hi|RUN is not a valid change command",
      "from busybox|FROM is not a valid change command",
      "ENV|ENV requires at least one argument",
      "ENV =x|ENV names can not be blank",
      "ENV lonely|ENV must have two arguments",
      "EXPOSE abc|EXPOSE: invalid containerPort: abc",
      "EXPOSE 80/xyz|EXPOSE: invalid proto: xyz",
      "USER a b|USER requires exactly one argument",
      "WORKDIR|WORKDIR requires exactly one argument",
      "STOPSIGNAL SIGNOPE|STOPSIGNAL: Invalid signal: SIGNOPE",
      "ONBUILD ONBUILD RUN x|Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
      "CMD|CMD requires at least one argument",
  })
  void invalidChangesNameTheInstruction(String change, String message) {
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> apply(change));
    assertEquals(message, e.getMessage());
  }
}
