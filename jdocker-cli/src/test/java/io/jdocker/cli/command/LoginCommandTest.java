package io.jdocker.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jdocker.cli.training.FakeDaemon;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** login and logout against a temporary DOCKER_CONFIG; texts as docker CLI 28.2.2 prints them. */
class LoginCommandTest {
  static final String UNENCRYPTED = "\nWARNING! Your credentials are stored unencrypted in '%s'.\n"
      + "Configure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n";

  @TempDir
  Path dir;

  CliHarness cli;
  Path config;

  @BeforeEach
  void start() throws Exception {
    cli = new CliHarness(dir);
    config = dir.resolve("cfg/config.json");
    cli.env.put("DOCKER_CONFIG", config.getParent().toString());
    cli.json("POST /auth", 200, "{\"Status\":\"Login Succeeded\",\"IdentityToken\":\"\"}");
  }

  @AfterEach
  void stop() throws Exception {
    cli.close();
  }

  private String body(int request) {
    return new String(cli.requests().get(request).body(), StandardCharsets.UTF_8);
  }

  @Test
  void loginChecksWithTheDaemonAndStoresTheCredentials() throws Exception {
    Files.createDirectories(config.getParent());
    Files.writeString(config, "{\"psFormat\":\"table {{.ID}}\",\"auths\":{\"other.io\":{\"auth\":\"eDp5\"}}}");
    CliHarness.Result r = cli.run("login", "-u", "user", "-p", "pass", "http://127.0.0.1:5000/");
    assertEquals(0, r.status());
    assertEquals("Login Succeeded\n", r.out());
    assertEquals("WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n" + UNENCRYPTED.formatted(config), r.err());
    assertEquals("{\"username\":\"user\",\"password\":\"pass\",\"serveraddress\":\"127.0.0.1:5000\"}\n", body(1));
    assertEquals("application/json", cli.requests().get(1).headers().get("content-type"));
    assertEquals("""
        {
        \t"auths": {
        \t\t"127.0.0.1:5000": {
        \t\t\t"auth": "dXNlcjpwYXNz"
        \t\t},
        \t\t"other.io": {
        \t\t\t"auth": "eDp5"
        \t\t}
        \t},
        \t"psFormat": "table {{.ID}}"
        }""", Files.readString(config));
  }

  @Test
  void passwordFromStdinToDockerHubByDefault() throws Exception {
    cli.stdin = "s3cret\r\n".getBytes(StandardCharsets.UTF_8);
    CliHarness.Result r = cli.run("login", "-u", " hub ", "--password-stdin");
    assertEquals("Login Succeeded\n", r.out());
    assertEquals("{\"username\":\"hub\",\"password\":\"s3cret\",\"serveraddress\":\"https://index.docker.io/v1/\"}\n", body(1));
    assertEquals("{\n\t\"auths\": {\n\t\t\"https://index.docker.io/v1/\": {\n\t\t\t\"auth\": \"aHViOnMzY3JldA==\"\n\t\t}\n\t}\n}",
        Files.readString(config));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
  }

  @Test
  void anIdentityTokenIsStoredInsteadOfThePassword() throws Exception {
    cli.json("POST /auth", 200, "{\"Status\":\"Login Succeeded\",\"IdentityToken\":\"tok\"}");
    CliHarness.Result r = cli.run("login", "-u", "a", "-p", "b", "r.io");
    assertEquals("WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n", r.err());
    assertEquals("{\n\t\"auths\": {\n\t\t\"r.io\": {\n\t\t\t\"auth\": \"YTo=\",\n\t\t\t\"identitytoken\": \"tok\"\n\t\t}\n\t}\n}",
        Files.readString(config));
  }

  @Test
  void storedCredentialsAreTriedFirstAndAnOldKeyIsRewritten() throws Exception {
    Files.createDirectories(config.getParent());
    Files.writeString(config, "{\"auths\":{\"http://127.0.0.1:5000\":{\"auth\":\"dXNlcjpwYXNz\"}}}");
    CliHarness.Result r = cli.run("login", "127.0.0.1:5000");
    assertEquals(0, r.status());
    assertEquals("Login Succeeded\n", r.out());
    assertEquals("Authenticating with existing credentials... [Username: user]\n\n Info -> To login with a different account, "
        + "run 'docker logout' followed by 'docker login'\n\n\n" + UNENCRYPTED.formatted(config), r.err());
    assertEquals("{\"username\":\"user\",\"password\":\"pass\",\"serveraddress\":\"127.0.0.1:5000\"}\n", body(1));
    assertEquals(List.of("127.0.0.1:5000", "http://127.0.0.1:5000"),
        List.of(Files.readString(config).split("\"")).stream().filter(s -> s.contains("127.0.0.1")).toList());
  }

  @Test
  void rejectedStoredCredentialsNeedATerminalToAskForNewOnes() throws Exception {
    Files.createDirectories(config.getParent());
    String original = "{\"auths\":{\"127.0.0.1:5000\":{\"auth\":\"dXNlcjpwYXNz\"}}}";
    Files.writeString(config, original);
    cli.json("POST /auth", 401, "{\"message\":\"login attempt to http://127.0.0.1:5000/v2/ failed with status: 401 Unauthorized\"}");
    CliHarness.Result r = cli.run("login", "127.0.0.1:5000");
    assertEquals(1, r.status());
    assertEquals("Authenticating with existing credentials... [Username: user]\n\n Info -> To login with a different account, "
        + "run 'docker logout' followed by 'docker login'\n\n\nStored credentials invalid or expired\n"
        + "Error: Cannot perform an interactive login from a non TTY device\n", r.err());
    assertEquals(original, Files.readString(config));
  }

  @Test
  void theTerminalIsAskedWhatTheFlagsLeaveOut() throws Exception {
    cli.stdinIsTerminal = true;
    cli.stdin = "user\npass\n".getBytes(StandardCharsets.UTF_8);
    CliHarness.Result r = cli.run("login", "127.0.0.1:5000");
    assertEquals("Username: Password: \nLogin Succeeded\n", r.out());
    assertEquals("{\"username\":\"user\",\"password\":\"pass\",\"serveraddress\":\"127.0.0.1:5000\"}\n", body(1));
    assertEquals(List.of("echo off", "echo on"), cli.terminal.events);
    cli.stdin = "\n".getBytes(StandardCharsets.UTF_8);
    CliHarness.Result empty = cli.run("login", "-u", "x", "r.io");
    assertEquals(1, empty.status());
    assertEquals("Error: Password Required\n", empty.err());
  }

  @Test
  void refusalsAreDockers() {
    assertEquals("username is empty\n", cli.run("login", "-u", "", "-p", "x", "r.io").err());
    assertEquals("password is empty\n", cli.run("login", "-u", "a", "-p", "", "r.io").err());
    assertEquals("conflicting options: cannot specify both --password and --password-stdin\n",
        cli.run("login", "-u", "a", "-p", "x", "--password-stdin").err());
    assertEquals("the --password-stdin option requires --username to be set\n", cli.run("login", "--password-stdin").err());
    assertEquals("Error: Cannot perform an interactive login from a non TTY device\n", cli.run("login", "-u", "a", "r.io").err());
    cli.json("POST /auth", 401, "{\"message\":\"unauthorized: incorrect username or password\"}");
    CliHarness.Result r = cli.run("login", "-u", "a", "-p", "b", "r.io");
    assertEquals(1, r.status());
    assertEquals("WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n"
        + "Error response from daemon: unauthorized: incorrect username or password\n", r.err());
    assertFalse(Files.exists(config));
  }

  @Test
  void logoutRemovesTheServerUnderEveryOldName() throws Exception {
    Files.createDirectories(config.getParent());
    Files.writeString(config, "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"YTpi\"},\"http://reg.io\":{\"auth\":\"YTpi\"}},"
        + "\"psFormat\":\"x\"}");
    CliHarness.Result r = cli.run("logout", "https://reg.io/v2/");
    assertEquals(0, r.status());
    assertEquals("Removing login credentials for reg.io\n", r.out());
    assertEquals("{\n\t\"auths\": {\n\t\t\"https://index.docker.io/v1/\": {\n\t\t\t\"auth\": \"YTpi\"\n\t\t}\n\t},\n\t\"psFormat\": \"x\"\n}",
        Files.readString(config));
    assertEquals("Removing login credentials for https://index.docker.io/v1/\n", cli.run("logout").out());
    assertEquals("{\n\t\"auths\": {},\n\t\"psFormat\": \"x\"\n}", Files.readString(config));
    assertEquals("Removing login credentials for nothere\n", cli.run("logout", "nothere").out());
    assertEquals(List.of(), cli.calls()); // logout needs no daemon
  }
}
