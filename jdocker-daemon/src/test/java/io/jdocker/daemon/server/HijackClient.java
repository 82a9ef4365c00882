package io.jdocker.daemon.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A client of hijacked streams over a Unix socket, as the docker CLI uses them: blocking, byte-level. */
final class HijackClient implements AutoCloseable {
  private final SocketChannel channel;
  final InputStream in;
  final OutputStream out;

  HijackClient(Path socket) throws IOException {
    channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
    // Not Channels.newInputStream/newOutputStream: they may serialise a blocking read and a
    // write on one lock, and the bulk test reads and writes at once.
    in = new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return len == 0 ? 0 : channel.read(ByteBuffer.wrap(b, off, len));
      }
    };
    out = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b, off, len);
        while (buf.hasRemaining()) {
          channel.write(buf);
        }
      }
    };
  }

  void send(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** shutdown(SHUT_WR), as the CLI does when stdin is not attached or has ended. */
  void halfClose() throws IOException {
    channel.shutdownOutput();
  }

  /** The response head, up to and including the blank line. */
  String readHead() throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed in the response head: " + head);
      }
      head.append((char) b);
    }
    return head.toString();
  }

  String readExactly(int n) throws IOException {
    byte[] bytes = in.readNBytes(n);
    if (bytes.length < n) {
      throw new IOException("connection closed after " + bytes.length + " of " + n + " bytes");
    }
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /** Everything until the server closes. */
  String readToEnd() throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    return all.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
