package io.jdocker.cli.training;

import io.jdocker.cli.CliEnvironment;
import io.jdocker.cli.Main;
import io.jdocker.cli.archive.TarEntry;
import io.jdocker.cli.archive.TarOutput;
import io.jdocker.cli.tty.SttyTerminal;
import io.jdocker.cli.tty.Terminal;
import io.jdocker.cli.tty.WindowSize;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/**
 * The AOT cache's training run: serves canned daemon answers on a temporary socket and runs the
 * common commands through {@link Main} in-process, so the classes of parsing, HTTP, JSON and
 * formatting are loaded and linked. Needs no real daemon.
 */
public final class TrainingMain {
  private static final String[][] COMMANDS = {
      {"version"}, {"images"}, {"images", "-q"}, {"images", "--format", "{{json .}}"},
      {"images", "--format", "table {{.Repository}}\\t{{.Tag}}\\t{{.Size}}"}, {"image", "ls", "-a", "--digests"},
      {"info"}, {"info", "--format", "{{.ServerVersion}} {{json .Plugins}}"}, {"history", "busybox"},
      {"inspect", "busybox"}, {"inspect", "-f", "{{.Id}} {{range .RepoTags}}{{.}}{{end}}", "busybox"},
      {"rmi", "busybox"}, {"tag", "busybox", "busybox:t"}, {"images", "--help"}, {"nope"}, {"images", "--bogus"},
      {"ps"}, {"save", "busybox"}, {"load"}, {"import", "-", "x:y"}, {"events", "--since", "0", "--until", "10m"},
      {"rmi", "nope"}, {"history", "--format", "{{json .}}", "busybox"}, {"version", "--format", "{{json .}}"},
      {"images", "--format", "{{if .Tag}}{{upper .Repository}}{{else}}-{{end}} {{printf \"%s\" .ID}}"},
      {"ps", "-a"}, {"ps", "-q"}, {"ps", "--format", "{{json .}}"}, {"ps", "--format", "table {{.Names}}\t{{.Label \"a\"}}"},
      {"run", "--rm", "-e", "A=1", "-p", "8080:80", "-m", "64m", "--cpus", "0.5", "busybox", "true"},
      {"run", "-d", "--name", "c", "-v", "/tmp:/h", "--restart", "always", "busybox"}, {"create", "busybox"},
      {"start", "c"}, {"stop", "-t", "1", "c"}, {"kill", "c"}, {"wait", "c"}, {"logs", "-n", "5", "c"},
      {"exec", "c", "true"}, {"rm", "-f", "c"}, {"top", "c"}, {"container", "ls"}, {"run", "-m", "1x", "busybox"},
      {"version", "--format", "{{.Server.APIVersion}}"},
      {"pull", "busybox"}, {"pull", "-q", "127.0.0.1:5000/x:v1"}, {"image", "push", "127.0.0.1:5000/x:v1"},
      {"search", "busybox"}, {"login", "-u", "u", "-p", "p", "127.0.0.1:5000"}, {"logout", "127.0.0.1:5000"},
      {"create", "nosuch"},
      {"stats", "--no-stream", "c"}, {"container", "stats", "--no-stream", "-a", "--format", "{{json .}}"},
      {"stats", "--no-stream", "nosuch"}, {"stats"},
      {"commit", "-c", "ENV A=1", "-m", "msg", "c", "x:y"},
      {"system", "df"}, {"system", "df", "-v"}, {"system", "df", "--format", "{{json .}}"},
  };

  /** Interactive commands and cp, run with a terminal that only pretends (no stty in a training run). */
  private static final String[][] INTERACTIVE = {
      {"run", "-it", "--rm", "busybox", "sh"}, {"exec", "-it", "c", "sh"}, {"attach", "c"}, {"start", "-ai", "c"},
      {"cp", "c:/etc/hostname", "-"}, {"cp", "c:/etc/hostname", "@dir/h"}, {"cp", "@dir/h", "c:/tmp/"},
      {"cp", "-", "c:/tmp"}, {"run", "-it", "--detach-keys", "ctrl-a,x", "busybox", "sh"}, {"pull", "busybox"},
  };

  private static final String CONTAINER = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  private static final byte[] HOSTNAME_TAR = hostnameTar();

  private static final String PULL_STREAM = String.join("\r\n",
      "{\"status\":\"Pulling from library/busybox\",\"id\":\"latest\"}",
      "{\"status\":\"Pulling fs layer\",\"progressDetail\":{},\"id\":\"e918bf02f6f9\"}",
      "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":1024,\"total\":2048,\"start\":1},\"id\":\"e918bf02f6f9\"}",
      "{\"status\":\"Pull complete\",\"progressDetail\":{},\"id\":\"e918bf02f6f9\"}",
      "{\"status\":\"Status: Downloaded newer image for busybox:latest\"}");

  private static final String PUSH_STREAM = String.join("\r\n",
      "{\"status\":\"The push refers to repository [127.0.0.1:5000/x]\"}",
      "{\"status\":\"Pushing\",\"progressDetail\":{\"current\":1,\"total\":2},\"id\":\"e918bf02f6f9\"}",
      "{\"status\":\"v1: digest: sha256:e918 size: 527\"}",
      "{\"progressDetail\":{},\"aux\":{\"Tag\":\"v1\",\"Digest\":\"sha256:e918\",\"Size\":527}}");

  private TrainingMain() {}

  private static byte[] hostnameTar() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (TarOutput tar = new TarOutput(out)) {
      byte[] content = "c\n".getBytes(StandardCharsets.UTF_8);
      tar.write(new TarEntry("hostname", 0644, 0, 0, content.length, 0, TarEntry.FILE, ""), new java.io.ByteArrayInputStream(content));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static void main(String[] args) throws IOException {
    Path socket = Files.createTempDirectory("jdocker-training").resolve("d.sock");
    try (FakeDaemon daemon = new FakeDaemon(socket, "1.44", TrainingMain::answer)) {
      PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
      // login and logout write the docker config file: a temporary one, never the user's.
      Map<String, String> vars = Map.of("JDOCKER_HOST", daemon.uri(), "DOCKER_CONFIG", socket.getParent().resolve("config").toString());
      CliEnvironment env = new CliEnvironment(vars, InputStream.nullInputStream(),
          sink, sink, false, false, Clock.systemUTC(), ZoneId.systemDefault());
      Path dir = Files.createDirectories(socket.getParent().resolve("cp"));
      CliEnvironment interactive = new CliEnvironment(vars, InputStream.nullInputStream(),
          sink, sink, true, true, Clock.systemUTC(), ZoneId.systemDefault(), new TrainingTerminal());
      new SttyTerminal().size(); // loads the real terminal's classes; stdout is no terminal here
      for (int round = 0; round < 3; round++) {
        for (String[] command : COMMANDS) {
          Main.run(command, env);
        }
        for (String[] command : INTERACTIVE) {
          String[] line = command.clone();
          for (int i = 0; i < line.length; i++) {
            line[i] = line[i].replace("@dir", dir.toString());
          }
          Main.run(line, interactive);
        }
      }
      deleteTree(dir);
      deleteTree(socket.getParent().resolve("config"));
    } finally {
      Files.deleteIfExists(socket.getParent());
    }
  }

  private static FakeDaemon.Response answer(FakeDaemon.Request request) {
    return switch (request.route()) {
      case "GET /version" -> FakeDaemon.Response.json(200, resource("api_version.json"));
      case "GET /info" -> FakeDaemon.Response.json(200, resource("api_info.json")).chunkedBody();
      case "GET /images/json" -> FakeDaemon.Response.json(200, resource("api_images.json"));
      case "GET /images/busybox/history" -> FakeDaemon.Response.json(200, resource("api_history.json"));
      case "GET /images/busybox/json" -> FakeDaemon.Response.json(200, "{\"Id\":\"sha256:e918bf02f6f9\",\"RepoTags\":[\"busybox:latest\"],\"Size\":1985472}");
      case "DELETE /images/busybox" -> FakeDaemon.Response.json(200, "[{\"Untagged\":\"busybox:latest\"},{\"Deleted\":\"sha256:e918\"}]");
      case "POST /images/busybox/tag" -> new FakeDaemon.Response(201, Map.of(), new byte[0], false);
      case "GET /images/get" -> new FakeDaemon.Response(200, Map.of(), new byte[512], false).chunkedBody();
      case "POST /images/load" -> FakeDaemon.Response.json(200, "{\"stream\":\"Loaded image: busybox:latest\\n\"}").chunkedBody();
      case "POST /images/create" -> request.target().contains("fromImage=")
          ? FakeDaemon.Response.json(200, PULL_STREAM).chunkedBody()
          : FakeDaemon.Response.json(200, "{\"status\":\"sha256:e918\"}").chunkedBody();
      case "POST /images/127.0.0.1:5000/x/push" -> FakeDaemon.Response.json(200, PUSH_STREAM).chunkedBody();
      case "GET /images/search" -> FakeDaemon.Response.json(200, "[{\"star_count\":3,\"is_official\":true,\"name\":\"busybox\","
          + "\"description\":\"Busybox base image, with a description long enough to be cut.\"}]");
      case "POST /commit" -> FakeDaemon.Response.json(201, "{\"Id\":\"sha256:e918\"}");
      case "POST /auth" -> FakeDaemon.Response.json(200, "{\"Status\":\"Login Succeeded\",\"IdentityToken\":\"\"}");
      case "GET /events" -> FakeDaemon.Response.json(200, "{\"Type\":\"image\",\"Action\":\"tag\",\"Actor\":"
          + "{\"ID\":\"sha256:e918\",\"Attributes\":{\"name\":\"busybox:t\"}},\"time\":1795910905,\"timeNano\":1795910905000000001}").chunkedBody();
      case "GET /system/df" -> FakeDaemon.Response.json(200, "{\"LayersSize\":1985472,\"Images\":" + resource("api_images.json")
          + ",\"Containers\":" + resource("api_containers.json") + ",\"Volumes\":[{\"Name\":\"v\",\"Driver\":\"local\","
          + "\"UsageData\":{\"Size\":0,\"RefCount\":1}}],\"BuildCache\":[]}").chunkedBody();
      case "GET /containers/json" -> FakeDaemon.Response.json(200, resource("api_containers.json"));
      case "POST /containers/create" -> new String(request.body(), StandardCharsets.UTF_8).contains("\"Image\":\"nosuch\"")
          ? FakeDaemon.Response.json(404, "{\"message\":\"No such image: nosuch:latest\"}")
          : FakeDaemon.Response.json(201, "{\"Id\":\"" + CONTAINER + "\",\"Warnings\":[]}");
      case "HEAD /containers/c/archive" -> new FakeDaemon.Response(200, Map.of("X-Docker-Container-Path-Stat",
          "eyJuYW1lIjoidG1wIiwic2l6ZSI6NDA5NiwibW9kZSI6MjE0NzQ4NDE0MSwibXRpbWUiOiIyMDI2LTExLTI4VDIyOjM0OjEyWiIsImxpbmtUYXJnZXQiOiIifQ=="),
          new byte[0], false);
      case "GET /containers/c/archive" -> new FakeDaemon.Response(200, Map.of("Content-Type", "application/x-tar"),
          HOSTNAME_TAR, true);
      case "PUT /containers/c/archive", "POST /containers/" + CONTAINER + "/resize", "POST /containers/c/resize",
           "POST /exec/e1/resize" -> new FakeDaemon.Response(200, Map.of(), new byte[0], false);
      case "POST /containers/" + CONTAINER + "/attach", "POST /containers/c/attach", "POST /exec/e1/start" -> new FakeDaemon.Response(101,
          Map.of("Connection", "Upgrade", "Upgrade", "tcp"), new byte[] {1, 0, 0, 0, 0, 0, 0, 3, 'h', 'i', '\n'}, false);
      case "POST /containers/" + CONTAINER + "/wait", "POST /containers/c/wait" ->
          FakeDaemon.Response.json(200, "{\"Error\":null,\"StatusCode\":0}").chunkedBody();
      case "GET /containers/c/json" -> FakeDaemon.Response.json(200, "{\"Id\":\"" + CONTAINER
          + "\",\"Config\":{\"Tty\":false},\"State\":{\"Running\":true}}").chunkedBody();
      case "GET /containers/" + CONTAINER + "/logs" -> new FakeDaemon.Response(200, Map.of(),
          new byte[] {2, 0, 0, 0, 0, 0, 0, 3, 'h', 'i', '\n'}, true);
      case "POST /containers/c/exec" -> FakeDaemon.Response.json(201, "{\"Id\":\"e1\"}");
      case "GET /exec/e1/json" -> FakeDaemon.Response.json(200, "{\"ExitCode\":0,\"Running\":false}");
      case "GET /containers/c/stats", "GET /containers/eaeb3a90c58b/stats", "GET /containers/64d0cab7f4e7/stats" ->
          request.target().contains("stream=1")
              ? FakeDaemon.Response.json(200, resource("api_stats.json") + "\n" + resource("api_stats.json")).chunkedBody()
              : FakeDaemon.Response.json(200, resource("api_stats.json"));
      case "GET /containers/c/top" -> FakeDaemon.Response.json(200, "{\"Titles\":[\"PID\",\"CMD\"],\"Processes\":[[\"1\",\"sh\"]]}");
      case "POST /containers/" + CONTAINER + "/start", "POST /containers/c/start", "POST /containers/c/stop",
           "POST /containers/c/kill", "DELETE /containers/c" -> new FakeDaemon.Response(204, Map.of(), new byte[0], false);
      default -> FakeDaemon.Response.json(404, "{\"message\":\"No such container: busybox\"}");
    };
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** A terminal of fixed size whose raw mode and SIGWINCH watch do nothing. */
  private static final class TrainingTerminal implements Terminal {
    @Override
    public RawMode makeRaw() {
      return () -> {};
    }

    @Override
    public WindowSize size() {
      return new WindowSize(24, 80);
    }

    @Override
    public AutoCloseable onResize(Runnable listener) {
      return () -> {};
    }
  }

  private static String resource(String name) {
    try (InputStream in = TrainingMain.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
