package io.jdocker.cli.training;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A tiny in-process daemon on a Unix socket with canned answers, for the AOT training run and for
 * tests. It records every request, speaks keep-alive, reads chunked or sized bodies and answers
 * by {@code "METHOD /path"} (version prefix and query removed) through a handler function.
 */
public final class FakeDaemon implements AutoCloseable {
  /** A received request; {@code target} keeps the version prefix and query. */
  public record Request(String method, String target, Map<String, String> headers, byte[] body) {
    /** The path without {@code /v1.xx} and without the query. */
    public String route() {
      String path = target.replaceFirst("^/v[0-9.]+/", "/");
      int q = path.indexOf('?');
      return method + " " + (q < 0 ? path : path.substring(0, q));
    }
  }

  /**
   * A canned answer; {@code chunked} sends the body in chunks of at most 7 bytes. A chunked answer
   * left {@code open} never sends its last chunk: the stream stays open until the client hangs up
   * (a daemon still streaming stats or events).
   */
  public record Response(int status, Map<String, String> headers, byte[] body, boolean chunked, boolean open) {
    public Response(int status, Map<String, String> headers, byte[] body, boolean chunked) {
      this(status, headers, body, chunked, false);
    }

    public static Response json(int status, String json) {
      return new Response(status, Map.of("Content-Type", "application/json"),
          (json + "\n").getBytes(StandardCharsets.UTF_8), false);
    }

    public Response chunkedBody() {
      return new Response(status, headers, body, true, open);
    }

    /** This answer as a chunked stream that does not end. */
    public Response leftOpen() {
      return new Response(status, headers, body, true, true);
    }
  }

  private final Path socket;
  private final ServerSocketChannel server;
  private final Function<Request, Response> handler;
  private final String apiVersionHeader;
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<byte[]> hijackedInputs = Collections.synchronizedList(new ArrayList<>());
  private final Thread acceptor;
  private volatile int connections;

  public FakeDaemon(Path socket, String apiVersionHeader, Function<Request, Response> handler) throws IOException {
    this.socket = socket;
    this.handler = handler;
    this.apiVersionHeader = apiVersionHeader;
    Files.deleteIfExists(socket);
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    acceptor = Thread.ofPlatform().daemon().name("fake-daemon").start(this::acceptLoop);
  }

  public String uri() {
    return "unix://" + socket;
  }

  public List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** The bytes each hijacked stream received from its client (stdin), once the client closed its side. */
  public List<byte[]> hijackedInputs() {
    synchronized (hijackedInputs) {
      return List.copyOf(hijackedInputs);
    }
  }

  /** How many connections clients opened (keep-alive means one per CLI run). */
  public int connections() {
    return connections;
  }

  private void acceptLoop() {
    while (server.isOpen()) {
      try {
        SocketChannel client = server.accept();
        connections++;
        Thread.ofPlatform().daemon().start(() -> serve(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(SocketChannel client) {
    try (client) {
      InputStream in = new BufferedInputStream(Channels.newInputStream(client));
      while (true) {
        Request request = readRequest(in);
        if (request == null) {
          return;
        }
        requests.add(request);
        Response response = request.route().endsWith(" /_ping") ? ping(request) : handler.apply(request);
        write(client, request, response);
        if (response.open()) {
          in.transferTo(OutputStream.nullOutputStream()); // until the client closes
          return;
        }
        if (response.status() == 101) {
          // A hijacked stream: what the client sends until it half-closes is the container's stdin.
          hijackedInputs.add(in.readAllBytes());
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private Response ping(Request request) {
    byte[] body = request.method().equals("HEAD") ? new byte[0] : "OK".getBytes(StandardCharsets.US_ASCII);
    return new Response(200, Map.of("Content-Type", "text/plain; charset=utf-8"), body, false);
  }

  private void write(SocketChannel client, Request request, Response response) throws IOException {
    StringBuilder head = new StringBuilder("HTTP/1.1 " + response.status() + " X\r\n");
    if (apiVersionHeader != null) {
      head.append("Api-Version: ").append(apiVersionHeader).append("\r\n");
    }
    response.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append(response.chunked() ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + response.body().length + "\r\n");
    head.append("\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (!request.method().equals("HEAD")) {
      if (response.chunked()) {
        byte[] body = response.body();
        for (int i = 0; i < body.length; i += 7) {
          int n = Math.min(7, body.length - i);
          out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(body, i, n);
          out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        if (!response.open()) {
          out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
      } else {
        out.writeBytes(response.body());
      }
    }
    ByteBuffer buffer = ByteBuffer.wrap(out.toByteArray());
    while (buffer.hasRemaining()) {
      client.write(buffer);
    }
  }

  private static Request readRequest(InputStream in) throws IOException {
    String line = line(in);
    if (line == null || line.isEmpty()) {
      return null;
    }
    String[] parts = line.split(" ");
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in).strip(), 16)) {
        body.write(in.readNBytes(size));
        line(in);
      }
      line(in);
    } else if (headers.containsKey("content-length")) {
      body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
    }
    return new Request(parts[0], parts[1], headers, body.toByteArray());
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        return sb.isEmpty() ? null : sb.toString();
      }
      if (c != '\r') {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }

  @Override
  public void close() throws IOException {
    server.close();
    Files.deleteIfExists(socket);
  }
}
