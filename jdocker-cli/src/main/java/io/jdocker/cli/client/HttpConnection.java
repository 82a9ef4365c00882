package io.jdocker.cli.client;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.LinkedHashMap;
import java.util.Map;

/** One persistent HTTP/1.1 connection to the daemon (no pipelining: one exchange at a time). */
final class HttpConnection implements AutoCloseable {
  private static final String USER_AGENT = "jdocker-cli/0.1 (linux)";
  private final SocketChannel channel;
  private final InputStream in;
  private final OutputStream out;
  private boolean reusable = true;

  private HttpConnection(SocketChannel channel) {
    this.channel = channel;
    this.in = new BufferedInputStream(ChannelStreams.input(channel), 16 * 1024);
    this.out = new BufferedOutputStream(ChannelStreams.output(channel), 16 * 1024);
  }

  static HttpConnection open(SocketAddress address) throws IOException {
    SocketChannel channel;
    if (address instanceof UnixDomainSocketAddress) {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    } else {
      InetSocketAddress inet = (InetSocketAddress) address;
      address = new InetSocketAddress(inet.getHostString(), inet.getPort());
      channel = SocketChannel.open();
    }
    try {
      channel.connect(address);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    return new HttpConnection(channel);
  }

  /** The connection's buffered input, for a hijacked stream after a 101 response. */
  InputStream input() {
    return in;
  }

  /** Unbuffered output straight to the socket, for a hijacked stream. */
  OutputStream rawOutput() {
    return ChannelStreams.output(channel);
  }

  /** Half-closes: the daemon sees EOF on the container's stdin, output keeps flowing. */
  void shutdownOutput() throws IOException {
    channel.shutdownOutput();
  }

  boolean reusable() {
    return reusable && channel.isOpen();
  }

  HttpResponse exchange(HttpRequest request) throws IOException {
    StringBuilder head = new StringBuilder();
    head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
    head.append("Host: api.moby.localhost\r\n");
    head.append("User-Agent: ").append(USER_AGENT).append("\r\n");
    request.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    if (request.stream() != null) {
      head.append("Transfer-Encoding: chunked\r\n");
    } else if (request.body() != null) {
      head.append("Content-Length: ").append(request.body().length).append("\r\n");
    } else if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      head.append("Content-Length: 0\r\n");
    }
    head.append("\r\n");
    out.write(HttpWire.ascii(head.toString()));
    IOException uploadFailure = null;
    try {
      if (request.stream() != null) {
        ChunkedOutputStream chunked = new ChunkedOutputStream(out);
        byte[] buffer = new byte[64 * 1024];
        for (int n = readSource(request.stream(), buffer); n >= 0; n = readSource(request.stream(), buffer)) {
          chunked.write(buffer, 0, n);
        }
        chunked.finish();
      } else if (request.body() != null) {
        out.write(request.body());
      }
      out.flush();
    } catch (SourceException e) {
      // The body's source failed: the daemon still waits for the rest, so this connection is lost.
      channel.close();
      throw e.getCause();
    } catch (IOException e) {
      // The daemon may reject a body early and close; its response explains why.
      uploadFailure = e;
      reusable = false;
    }
    try {
      return readResponse(request.method());
    } catch (IOException e) {
      if (uploadFailure != null) {
        e.addSuppressed(uploadFailure);
      }
      throw e;
    }
  }

  private static int readSource(InputStream source, byte[] buffer) throws SourceException {
    try {
      return source.read(buffer);
    } catch (IOException e) {
      throw new SourceException(e);
    }
  }

  /** A failure reading the request body's source, as opposed to writing to the daemon. */
  private static final class SourceException extends IOException {
    SourceException(IOException cause) {
      super(cause);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }

  private HttpResponse readResponse(String method) throws IOException {
    String statusLine = HttpWire.readLine(in);
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("malformed HTTP response \"" + statusLine + "\"");
    }
    int status = Integer.parseInt(parts[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = HttpWire.readLine(in); !line.isEmpty(); line = HttpWire.readLine(in)) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      }
    }
    HttpResponse response = new HttpResponse(status, headers, body(method, status, headers));
    if ("close".equalsIgnoreCase(response.header("Connection"))) {
      reusable = false;
    }
    return response;
  }

  private InputStream body(String method, int status, Map<String, String> raw) {
    Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(raw);
    if (method.equals("HEAD") || status == 204 || status == 304 || status / 100 == 1) {
      return InputStream.nullInputStream();
    }
    if ("chunked".equalsIgnoreCase(headers.get("Transfer-Encoding"))) {
      return new ChunkedInputStream(in);
    }
    String length = headers.get("Content-Length");
    if (length != null) {
      return new BoundedInputStream(in, Long.parseLong(length.strip()));
    }
    reusable = false;
    return in;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
