package io.jdocker.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Distribution registry (Debian's docker-registry) on 127.0.0.1 with its storage in a temp
 * directory, optionally behind htpasswd Basic auth. Plain HTTP, which both Docker and jdockerd use
 * for 127.0.0.0/8 without configuration.
 */
public final class LocalRegistry implements AutoCloseable {
  private static final Path BINARY = Path.of("/usr/bin/docker-registry");
  private final Path dir;
  private final int port;
  private final Process process;

  private LocalRegistry(Path dir, int port, Process process) {
    this.dir = dir;
    this.port = port;
    this.process = process;
  }

  public static LocalRegistry start() {
    return start(null, null);
  }

  /** A registry that wants {@code user}/{@code password} (htpasswd, bcrypt) for every request. */
  public static LocalRegistry startWithBasicAuth(String user, String password) {
    return start(user, password);
  }

  private static LocalRegistry start(String user, String password) {
    if (!Files.isExecutable(BINARY)) {
      throw new AssertionError(BINARY + " is missing: scripts/test.sh installs docker-registry");
    }
    try {
      Path dir = Files.createTempDirectory(Path.of("/tmp"), "jdocker-it-registry-");
      int port = freePort();
      StringBuilder config = new StringBuilder()
          .append("version: 0.1\n")
          .append("log:\n  level: warn\n")
          .append("storage:\n  filesystem:\n    rootdirectory: ").append(dir.resolve("data")).append('\n')
          .append("  delete:\n    enabled: true\n")
          .append("http:\n  addr: 127.0.0.1:").append(port).append('\n');
      if (user != null) {
        Path htpasswd = dir.resolve("htpasswd");
        String line = Command.of(List.of("htpasswd", "-Bbn", user, password)).run().assertSuccess().out();
        Files.writeString(htpasswd, line + "\n");
        config.append("auth:\n  htpasswd:\n    realm: jdocker-it\n    path: ").append(htpasswd).append('\n');
      }
      Path configFile = Files.writeString(dir.resolve("config.yml"), config);
      Process process = new ProcessBuilder(BINARY.toString(), "serve", configFile.toString())
          .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
      LocalRegistry registry = new LocalRegistry(dir, port, process);
      registry.awaitReady();
      return registry;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void awaitReady() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest ping = HttpRequest.newBuilder(URI.create("http://" + host() + "/v2/")).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        close();
        throw new AssertionError("docker-registry exited: " + log());
      }
      try {
        int status = client.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200 || status == 401) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    String log = log();
    close();
    throw new AssertionError("docker-registry did not answer within 30s: " + log);
  }

  /** host:port, as image names use it. */
  public String host() {
    return "127.0.0.1:" + port;
  }

  public String log() {
    try {
      return Files.readString(dir.resolve("registry.log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Daemon.deleteTree(dir);
  }
}
