package io.jdocker.cli.command;

import io.jdocker.cli.CliEnvironment;
import io.jdocker.cli.CliException;
import io.jdocker.cli.config.AuthConfig;
import io.jdocker.cli.config.Registries;
import io.jdocker.cli.tty.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * docker's {@code PromptUserForCredentials}: asks on the terminal for what the flags left out, the
 * password with echo off. Docker Hub's web (device-code) login is not offered.
 */
final class CredentialPrompt {
  private static final String REGISTER = "Log in with your Docker ID or email address to push and pull images from Docker Hub. "
      + "If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.";
  private static final String PAT = "You can log in with your password or a Personal Access Token (PAT). Using a limited-scope "
      + "PAT grants better security and is required for organizations using SSO. Learn more at "
      + "https://docs.docker.com/go/access-tokens/";

  private final CliEnvironment env;

  CredentialPrompt(CliEnvironment env) {
    this.env = env;
  }

  AuthConfig ask(String user, String password, String defaultUser, String server) throws IOException {
    String username = user == null ? "" : user.strip();
    if (username.isEmpty()) {
      if (server.equals(Registries.INDEX_SERVER)) {
        env.out().println(REGISTER);
        env.out().println(PAT);
        env.out().println();
      }
      env.out().print(defaultUser.isEmpty() ? "Username: " : "Username (" + defaultUser + "): ");
      env.out().flush();
      username = readLine(env.in()).strip();
      if (username.isEmpty()) {
        username = defaultUser;
      }
      if (username.isEmpty()) {
        throw new CliException("Error: Non-null Username Required");
      }
    }
    String secret = password == null ? "" : password.strip();
    if (secret.isEmpty()) {
      try (Terminal.RawMode echoOff = env.terminal().disableEcho()) {
        env.out().print("Password: ");
        env.out().flush();
        secret = readLine(env.in()).strip();
        env.out().println();
      }
      if (secret.isEmpty()) {
        throw new CliException("Error: Password Required");
      }
    }
    return AuthConfig.login(username, secret, server);
  }

  /** One line, read byte by byte so that nothing after it is consumed. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      line.write(b);
    }
    return line.toString(StandardCharsets.UTF_8);
  }
}
