package io.jdocker.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.cli.model.ImageReference;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigFileTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

  @Test
  void directoryFollowsDockersPrecedence() {
    Map<String, String> env = Map.of("DOCKER_CONFIG", "/from/env", "HOME", "/home/u");
    assertEquals(Path.of("/flag"), DockerConfigFile.directory("/flag", env));
    assertEquals(Path.of("/from/env"), DockerConfigFile.directory(null, env));
    assertEquals(Path.of("/home/u/.docker"), DockerConfigFile.directory(null, Map.of("HOME", "/home/u")));
  }

  @Test
  void aNewFileIsPrivateAndWrittenAsDockerWritesIt() throws Exception {
    DockerConfigFile config = DockerConfigFile.load(dir.resolve("new"), err);
    assertTrue(config.store(AuthConfig.login("user", "pass", "127.0.0.1:5000")));
    Path file = dir.resolve("new/config.json");
    assertEquals("{\n\t\"auths\": {\n\t\t\"127.0.0.1:5000\": {\n\t\t\t\"auth\": \"dXNlcjpwYXNz\"\n\t\t}\n\t}\n}", Files.readString(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
  }

  @Test
  void otherKeysAndTheFilesModeSurviveAndAuthsComeFirstSorted() throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{\"psFormat\":\"x\",\"auths\":{\"z.io\":{\"auth\":\"eDp5\"}},\"plugins\":{\"a\":{\"b\":\"c\"}}}");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    DockerConfigFile.load(dir, err).store(AuthConfig.login("u", "p", "a.io"));
    assertEquals("""
        {
        \t"auths": {
        \t\t"a.io": {
        \t\t\t"auth": "dTpw"
        \t\t},
        \t\t"z.io": {
        \t\t\t"auth": "eDp5"
        \t\t}
        \t},
        \t"psFormat": "x",
        \t"plugins": {
        \t\t"a": {
        \t\t\t"b": "c"
        \t\t}
        \t}
        }""", Files.readString(file));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList()); // no temporary file left behind
    }
  }

  @Test
  void identicalCredentialsAreNotWrittenAgain() throws Exception {
    Path file = dir.resolve("config.json");
    String original = "{\"auths\":{\"a.io\":{\"auth\":\"dTpw\",\"email\":\"e@x\"}}}";
    Files.writeString(file, original);
    DockerConfigFile config = DockerConfigFile.load(dir, err);
    assertFalse(config.store(new AuthConfig("u", "p", "e@x", "a.io", "", "")));
    assertEquals(original, Files.readString(file));
    assertTrue(config.store(AuthConfig.login("u", "p", "a.io")));
  }

  @Test
  void lookupFallsBackToOldUrlKeysAndDecodesAuth() throws Exception {
    Files.writeString(dir.resolve("config.json"), """
        {"auths":{"https://reg.io/v1/":{"auth":"dTpwOmFzcw==","identitytoken":"t"},"b.io":{"username":"n","password":"w"}}}""");
    DockerConfigFile config = DockerConfigFile.load(dir, err);
    assertEquals(new AuthConfig("u", "p:ass", "", "https://reg.io/v1/", "t", ""), config.auth("reg.io"));
    assertEquals(new AuthConfig("n", "w", "", "b.io", "", ""), config.auth("b.io"));
    assertEquals(AuthConfig.EMPTY, config.auth("c.io"));
  }

  @Test
  void eraseRemovesEveryGivenKey() throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{\"auths\":{\"http://a.io\":{\"auth\":\"dTpw\"},\"b.io\":{\"auth\":\"dTpw\"}}}");
    DockerConfigFile.load(dir, err).erase(List.of("a.io", "http://a.io"));
    assertEquals("{\n\t\"auths\": {\n\t\t\"b.io\": {\n\t\t\t\"auth\": \"dTpw\"\n\t\t}\n\t}\n}", Files.readString(file));
  }

  @Test
  void aBrokenFileIsReportedAndNeverOverwritten() throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{not json");
    DockerConfigFile config = DockerConfigFile.load(dir, err);
    assertTrue(errBytes.toString(StandardCharsets.UTF_8).startsWith("WARNING: Error parsing config file (" + file + "): "));
    assertEquals(AuthConfig.EMPTY, config.auth("a.io"));
    assertEquals("Error saving credentials: " + file + " could not be parsed; not overwriting it",
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
            () -> config.store(AuthConfig.login("u", "p", "a.io"))).getMessage());
    assertEquals("{not json", Files.readString(file));
  }

  @Test
  void headerIsUrlSafeBase64OfGoJson() {
    assertEquals("e30=", AuthConfig.EMPTY.encode());
    // json.Marshal escapes '>' and URL-safe base64 uses '_' and keeps the padding.
    assertEquals("eyJ1c2VybmFtZSI6InUiLCJwYXNzd29yZCI6InA_XHUwMDNlfiIsInNlcnZlcmFkZHJlc3MiOiJyLmlvIn0=",
        AuthConfig.login("u", "p?>~", "r.io").encode());
  }

  @Test
  void registryKeysAreDockers() {
    assertEquals(Registries.INDEX_SERVER, Registries.keyFor(ImageReference.parse("busybox")));
    assertEquals(Registries.INDEX_SERVER, Registries.keyFor(ImageReference.parse("docker.io/a/b")));
    assertEquals(Registries.INDEX_SERVER, Registries.keyFor(ImageReference.parse("index.docker.io/a/b")));
    assertEquals("localhost:5000", Registries.keyFor(ImageReference.parse("localhost:5000/x")));
    assertEquals(Registries.INDEX_SERVER, Registries.keyForSearch("foo/bar"));
    assertEquals("127.0.0.1:5000", Registries.keyForSearch("127.0.0.1:5000/x"));
    assertEquals(Registries.INDEX_SERVER, Registries.loginServer("docker.io"));
    assertEquals("index.docker.io", Registries.loginServer("index.docker.io"));
    assertEquals("reg.io:443", Registries.loginServer("https://reg.io:443/v2/x"));
  }
}
