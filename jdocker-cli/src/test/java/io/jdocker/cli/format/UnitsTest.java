package io.jdocker.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {
  @ParameterizedTest
  @CsvSource({
      // go-units size_test.go cases for HumanSize (precision 4)
      "0, 0B", "1024, 1.024kB", "1000, 1kB", "1048576, 1.049MB", "1073741824, 1.074GB", "1099511627776, 1.1TB",
      "1125899906842624, 1.126PB", "1985472, 1.985MB", "999, 999B", "123456789, 123.5MB"})
  void humanSize(long size, String expected) {
    assertEquals(expected, Units.humanSize(size));
  }

  @ParameterizedTest
  @CsvSource({"1985472, 1.99MB", "0, 0B", "5000, 5kB", "1234567890, 1.23GB", "4264000, 4.26MB", "999999, 1e+03kB"})
  void dockerImageSizeUsesPrecision3(long size, String expected) {
    assertEquals(expected, Units.humanSizeWithPrecision(size, 3));
  }

  @ParameterizedTest
  @CsvSource({"1024, 1KiB", "1048576, 1MiB", "25275478016, 23.54GiB", "512, 512B", "1536, 1.5KiB"})
  void bytesSize(long size, String expected) {
    assertEquals(expected, Units.bytesSize(size));
  }

  @ParameterizedTest
  @CsvSource({
      // go-units duration_test.go
      "0, Less than a second", "1, 1 second", "2, 2 seconds", "59, 59 seconds", "60, About a minute",
      "119, About a minute", "120, 2 minutes", "3599, 59 minutes", "3600, About an hour", "5399, About an hour",
      "5400, 2 hours", "86400, 24 hours", "169200, 47 hours", "172799, 2 days", "1206000, 13 days",
      "1209599, 2 weeks", "5180400, 8 weeks", "5184000, 2 months", "63068400, 24 months", "63071999, 1 years",
      "63072000, 2 years"})
  void humanDuration(long seconds, String expected) {
    assertEquals(expected, Units.humanDuration(Duration.ofSeconds(seconds)));
  }
}
