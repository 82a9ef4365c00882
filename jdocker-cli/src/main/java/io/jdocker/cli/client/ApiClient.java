package io.jdocker.cli.client;

import io.jdocker.cli.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The daemon's HTTP API over one keep-alive connection: pings first ({@code HEAD /_ping}, then
 * {@code GET} if that fails), negotiates the version and prefixes every path with it. Error
 * statuses become {@link DaemonException}s carrying the daemon's message.
 */
public final class ApiClient implements AutoCloseable {
  private final DockerHost host;
  private final String pinnedVersion;
  private HttpConnection connection;
  private HttpResponse open;
  private String version;
  private String serverPingVersion;

  public ApiClient(DockerHost host, String pinnedVersion) {
    this.host = host;
    this.pinnedVersion = pinnedVersion == null || pinnedVersion.isBlank() ? null : pinnedVersion.strip();
  }

  /**
   * A second client on its own connection with the version already negotiated, for work that runs
   * beside this one (docker's {@code wait} while {@code start} is sent, or a hijacked stream).
   */
  public ApiClient fork() {
    ApiClient other = new ApiClient(host, pinnedVersion);
    other.version = version();
    other.serverPingVersion = serverPingVersion;
    return other;
  }

  /**
   * Sends {@code request} with {@code Upgrade: tcp} on a new connection and returns the raw stream
   * after the daemon's {@code 101}. Any other status is refused as the Go client does, without its body:
   * {@code unable to upgrade to tcp, received 400}.
   */
  public HijackedStream hijack(HttpRequest request, Query query) {
    ApiClient own = fork();
    HttpRequest upgrade = request.withHeader("Connection", "Upgrade").withHeader("Upgrade", "tcp");
    if (!upgrade.headers().containsKey("Content-Type")) {
      upgrade = upgrade.withHeader("Content-Type", "text/plain");
    }
    HttpResponse response;
    try {
      response = own.call(upgrade, query);
    } catch (DaemonException e) {
      own.close();
      throw new DaemonException(e.status(), "unable to upgrade to tcp, received " + e.status());
    }
    if (response.status() != 101) {
      own.close();
      throw new DaemonException(response.status(), "unable to upgrade to tcp, received " + response.status());
    }
    HttpConnection connection = own.connection;
    own.open = null;
    return new HijackedStream(connection);
  }

  public DockerHost host() {
    return host;
  }

  /** The negotiated version, pinging the daemon the first time. */
  public String version() {
    if (version == null) {
      ping();
    }
    return version;
  }

  private void ping() {
    HttpResponse response = send(HttpRequest.of("HEAD", "/_ping"));
    if (response.status() != 200 && response.status() != 500) {
      response = send(HttpRequest.of("GET", "/_ping"));
    }
    close(response);
    serverPingVersion = response.header("Api-Version");
    version = pinnedVersion != null ? pinnedVersion : ApiVersion.negotiate(serverPingVersion);
  }

  /** Sends {@code method /v<version><path>?<query>}; throws {@link DaemonException} on 4xx/5xx. */
  public HttpResponse call(HttpRequest request, Query query) {
    String target = "/v" + version() + request.target();
    String encoded = query == null ? "" : query.encode();
    if (!encoded.isEmpty()) {
      target += "?" + encoded;
    }
    HttpRequest versioned = new HttpRequest(request.method(), target, request.headers(), request.body(), request.stream());
    HttpResponse response = send(versioned);
    if (response.status() >= 400) {
      throw new DaemonException(response.status(), errorMessage(response));
    }
    return response;
  }

  public Object getJson(String path, Query query) {
    return json(call(HttpRequest.of("GET", path), query));
  }

  /** The whole body parsed as one JSON value (null for an empty body). */
  public Object json(HttpResponse response) {
    try (response) {
      String text = response.text();
      return text.isBlank() ? null : JsonReader.parse(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A streaming JSON reader over the response body (progress, events). */
  public static JsonReader jsonStream(HttpResponse response) {
    return new JsonReader(new java.io.InputStreamReader(response.body(), StandardCharsets.UTF_8));
  }

  private static String errorMessage(HttpResponse response) {
    try (response) {
      String text = response.text().strip();
      if (text.startsWith("{")) {
        Object parsed = JsonReader.parse(text);
        if (parsed instanceof java.util.Map<?, ?> map && map.get("message") instanceof String message) {
          return message;
        }
      }
      return text.isEmpty() ? "HTTP status " + response.status() : text;
    } catch (IOException | RuntimeException e) {
      return "HTTP status " + response.status();
    }
  }

  private HttpResponse send(HttpRequest request) {
    try {
      if (open != null) {
        open.close();
        open = null;
      }
      if (connection != null && !connection.reusable()) {
        connection.close();
        connection = null;
      }
      if (connection == null) {
        connection = connect();
      }
      open = connection.exchange(request);
      return open;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpConnection connect() {
    try {
      return HttpConnection.open(host.address());
    } catch (IOException | java.nio.channels.UnresolvedAddressException e) {
      throw new CannotConnectException(host.uri(), e);
    }
  }

  private static void close(HttpResponse response) {
    try {
      response.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Api-Version header of the ping, or null when the daemon did not send one. */
  public String serverPingVersion() {
    version();
    return serverPingVersion;
  }

  @Override
  public void close() {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (IOException e) {
      // nothing left to do with a connection we are abandoning
    }
  }

}
