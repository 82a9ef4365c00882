package io.jdocker.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;

/**
 * The daemon's version and build time. The version comes from the pom.properties Maven puts in
 * the jar; the build time is the jar's modification time (Docker's RFC 3339 form with nanos).
 */
public record BuildInfo(String version, String gitCommit, String buildTime) {
  private static final DateTimeFormatter DOCKER_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSxxx").withZone(ZoneOffset.UTC);

  public static BuildInfo current() {
    String version = "0.1.0-dev";
    try (InputStream in = BuildInfo.class.getResourceAsStream(
        "/META-INF/maven/io.jdocker/jdocker-daemon/pom.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        version = p.getProperty("version", version);
      }
    } catch (IOException e) {
      // keep the development version
    }
    String commit = System.getProperty("jdocker.gitCommit", "unknown");
    return new BuildInfo(version, commit, DOCKER_TIME.format(codeTime()));
  }

  private static Instant codeTime() {
    try {
      Path code = Path.of(BuildInfo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.getLastModifiedTime(code).toInstant();
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return Instant.EPOCH;
    }
  }
}
