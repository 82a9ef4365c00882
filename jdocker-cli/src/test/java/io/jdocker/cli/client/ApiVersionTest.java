package io.jdocker.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiVersionTest {
  @ParameterizedTest
  @CsvSource({"'', 1.24", "1.41, 1.41", "1.44, 1.44", "1.45, 1.44", "1.50, 1.44", "1.9, 1.9", "2.0, 1.44"})
  void negotiate(String ping, String expected) {
    assertEquals(expected, ApiVersion.negotiate(ping.isEmpty() ? null : ping));
  }
}
