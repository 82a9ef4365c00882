package io.jdocker.cli.command;

import io.jdocker.cli.CliException;
import io.jdocker.cli.client.DaemonException;
import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.config.AuthConfig;
import io.jdocker.cli.config.DockerConfigFile;
import io.jdocker.cli.config.Registries;
import io.jdocker.cli.json.JsonWriter;
import io.jdocker.cli.model.JsonFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code login}: checks credentials with {@code POST /auth} and stores them in docker's config file.
 * Without {@code -u}/{@code -p} the stored credentials are tried first, as docker does, and the
 * user is asked only when they fail (which needs a terminal).
 */
public final class LoginCommand extends ApiCommand {
  private final Flag<String> password = string("-p,--password", "string", "Password or Personal Access Token (PAT)");
  private final Flag<Boolean> passwordStdin = bool("--password-stdin", "Take the Password or Personal Access Token%n(PAT) from stdin");
  private final Flag<String> username = string("-u,--username", "string", "Username");

  public LoginCommand() {
    super("[OPTIONS] [SERVER]", "Authenticate to a registry",
        "Authenticate to a registry.\nDefaults to Docker Hub if no server is specified.");
  }

  @Override
  public Integer call() throws IOException {
    String server = atMost(1).isEmpty() ? "" : args().getFirst();
    String user = username.value();
    String secret = verifiedPassword(user);
    String address = Registries.loginServer(server);
    DockerConfigFile config = dockerConfig();
    AuthConfig stored = AuthConfig.EMPTY;
    if (isEmpty(user) && isEmpty(secret)) {
      AuthConfig found = config.auth(address);
      stored = new AuthConfig(found.username(), found.password(), found.email(), address, "", found.registryToken());
      if (!stored.username().isEmpty() && !stored.password().isEmpty() && loginWithStored(config, stored)) {
        return 0;
      }
    }
    if ((isEmpty(user) || isEmpty(secret)) && !env().stdinIsTerminal()) {
      throw new CliException("Error: Cannot perform an interactive login from a non TTY device");
    }
    AuthConfig entered = new CredentialPrompt(env()).ask(user, secret, stored.username(), address);
    Map<String, Object> answer = authenticate(entered);
    save(config, withToken(entered, JsonFields.string(answer, "IdentityToken")));
    out().println(JsonFields.string(answer, "Status"));
    return 0;
  }

  /** docker's verifyLoginOptions; returns the password, read from stdin for {@code --password-stdin}. */
  private String verifiedPassword(String user) throws IOException {
    if (user != null && user.isEmpty()) {
      throw new CliException("username is empty");
    }
    String secret = password.value();
    if (secret != null && secret.isEmpty()) {
      throw new CliException("password is empty");
    }
    if (secret != null && passwordStdin.value()) {
      throw new CliException("conflicting options: cannot specify both --password and --password-stdin");
    }
    if (passwordStdin.value() && isEmpty(user)) {
      throw new CliException("the --password-stdin option requires --username to be set");
    }
    if (secret != null) {
      err().println("WARNING! Using --password via the CLI is insecure. Use --password-stdin.");
    }
    if (passwordStdin.value()) {
      String text = new String(env().in().readAllBytes(), StandardCharsets.UTF_8);
      text = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
      secret = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
    return secret;
  }

  /**
   * Tries what config.json holds; false (after saying why) when the registry refuses it. Like
   * docker, the credentials are stored again either way (a no-op unless they came from an old-style key).
   */
  private boolean loginWithStored(DockerConfigFile config, AuthConfig stored) {
    err().println("Authenticating with existing credentials... [Username: " + stored.username() + "]");
    err().print("\n Info -> To login with a different account, run 'docker logout' followed by 'docker login'\n\n\n");
    Map<String, Object> answer = Map.of();
    boolean accepted = true;
    try {
      answer = authenticate(stored);
    } catch (DaemonException e) {
      accepted = false;
      err().println(e.status() == 401 ? "Stored credentials invalid or expired"
          : "Login did not succeed, error: Error response from daemon: " + e.getMessage());
    }
    save(config, withToken(stored, JsonFields.string(answer, "IdentityToken")));
    if (accepted) {
      out().println(JsonFields.string(answer, "Status"));
    }
    return accepted;
  }

  private Map<String, Object> authenticate(AuthConfig auth) {
    byte[] body = (JsonWriter.compact(auth.toJson()) + "\n").getBytes(StandardCharsets.UTF_8);
    return JsonFields.object(client().json(client().call(HttpRequest.of("POST", "/auth").withBody(body, "application/json"), null)));
  }

  /** An identity token from the registry replaces the password. */
  private static AuthConfig withToken(AuthConfig auth, String token) {
    return token.isEmpty() ? auth
        : new AuthConfig(auth.username(), "", auth.email(), auth.serverAddress(), token, auth.registryToken());
  }

  /** Stores the credentials; docker warns when it writes a password in clear. */
  private void save(DockerConfigFile config, AuthConfig auth) {
    if (config.store(auth) && !auth.password().isEmpty()) {
      err().print("\nWARNING! Your credentials are stored unencrypted in '" + config.file() + "'.\n"
          + "Configure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n");
    }
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
