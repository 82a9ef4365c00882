package io.jdocker.daemon.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/** Plain HTTP/1.1 over a Unix socket with the JDK's SocketChannel, as the CLI speaks it. */
final class RawHttpClient implements AutoCloseable {
  private final SocketChannel channel;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  RawHttpClient(Path socket) throws IOException {
    channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
  }

  void send(String text) throws IOException {
    send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  void send(byte[] bytes) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
  }

  /** Reads until {@code marker} has arrived; returns everything read so far and consumes it. */
  String readUntil(String marker) throws IOException {
    while (!new String(pending.toByteArray(), StandardCharsets.ISO_8859_1).contains(marker)) {
      ByteBuffer buf = ByteBuffer.allocate(8192);
      if (channel.read(buf) < 0) {
        throw new IOException("connection closed before \"" + marker + "\"; got: " + pending);
      }
      pending.write(buf.array(), 0, buf.position());
    }
    String all = new String(pending.toByteArray(), StandardCharsets.ISO_8859_1);
    int end = all.indexOf(marker) + marker.length();
    pending.reset();
    pending.writeBytes(all.substring(end).getBytes(StandardCharsets.ISO_8859_1));
    return all.substring(0, end);
  }

  /** One response with a Content-Length body: {@code [head, body]}. */
  String[] readResponse() throws IOException {
    String head = readUntil("\r\n\r\n");
    int length = 0;
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    while (pending.size() < length) {
      ByteBuffer buf = ByteBuffer.allocate(8192);
      if (channel.read(buf) < 0) {
        throw new IOException("connection closed in the body");
      }
      pending.write(buf.array(), 0, buf.position());
    }
    byte[] all = pending.toByteArray();
    String body = new String(all, 0, length, StandardCharsets.UTF_8);
    pending.reset();
    pending.write(all, length, all.length - length);
    return new String[] {head, body};
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
