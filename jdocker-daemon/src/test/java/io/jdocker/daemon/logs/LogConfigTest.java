package io.jdocker.daemon.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdocker.errdefs.InvalidParameterException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogConfigTest {
  @Test
  void sizesAreDecimalLikeGoUnitsFromHumanSize() {
    assertEquals(10_000_000, LogConfig.parseHumanSize("10m"));
    assertEquals(1000, LogConfig.parseHumanSize("1k"));
    assertEquals(1500, LogConfig.parseHumanSize("1.5k"));
    assertEquals(10_000_000, LogConfig.parseHumanSize("10MB"));
    assertEquals(10_000_000, LogConfig.parseHumanSize("10 mib"));
    assertEquals(2_000_000_000, LogConfig.parseHumanSize("2g"));
    assertEquals(123, LogConfig.parseHumanSize("123"));
    assertEquals("invalid size: '10x'", assertThrows(InvalidParameterException.class, () -> LogConfig.parseHumanSize("10x")).getMessage());
  }

  @Test
  void readsDockerOptionsWithDockerErrors() {
    assertEquals(new LogConfig(1000, 3), LogConfig.fromOptions(Map.of("max-size", "1k", "max-file", "3")));
    assertEquals(LogConfig.UNLIMITED, LogConfig.fromOptions(Map.of()));
    assertEquals(new LogConfig(-1, 2), LogConfig.fromOptions(Map.of("max-file", "2", "tag", "x")));
    assertEquals("max-file cannot be less than 1", assertThrows(InvalidParameterException.class, () -> LogConfig.fromOptions(Map.of("max-file", "0"))).getMessage());
    assertEquals("max-size must be a positive number", assertThrows(InvalidParameterException.class, () -> LogConfig.fromOptions(Map.of("max-size", "0"))).getMessage());
    assertEquals("unknown log opt 'max-sise' for json-file log driver", assertThrows(InvalidParameterException.class, () -> LogConfig.fromOptions(Map.of("max-sise", "1k"))).getMessage());
  }
}
