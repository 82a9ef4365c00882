package io.jdocker.image.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * A TCP front for a plain-HTTP test server that answers a TLS hello the way Go's net/http does
 * ({@code 400 Client sent an HTTP request to an HTTPS server.}) instead of waiting for a request
 * line that never comes, so an HTTPS attempt fails at once, as against a real registry.
 * Everything else is relayed to the backend unchanged.
 */
final class PlainHttpFront implements AutoCloseable {
  private static final int TLS_HANDSHAKE_RECORD = 0x16;
  private static final byte[] TLS_REFUSAL = ("HTTP/1.0 400 Bad Request\r\n\r\n"
      + "Client sent an HTTP request to an HTTPS server.\n").getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket listener;
  private final InetSocketAddress backend;
  private final ExecutorService threads;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  PlainHttpFront(InetSocketAddress backend, ExecutorService threads) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.backend = backend;
    this.threads = threads;
    threads.execute(this::acceptLoop);
  }

  int port() {
    return listener.getLocalPort();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        open.add(client);
        threads.execute(() -> serve(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      int first = in.read();
      if (first < 0) {
        return;
      }
      if (first == TLS_HANDSHAKE_RECORD) {
        client.getOutputStream().write(TLS_REFUSAL);
        return;
      }
      try (Socket server = new Socket(backend.getAddress(), backend.getPort())) {
        open.add(server);
        OutputStream toServer = server.getOutputStream();
        toServer.write(first);
        threads.execute(() -> relay(server, client));
        in.transferTo(toServer);
        server.shutdownOutput();
      } finally {
        open.remove(client);
      }
    } catch (IOException e) {
      // a side went away: nothing to do in a test server
    }
  }

  private void relay(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
      to.shutdownOutput();
    } catch (IOException e) {
      // closed
    } finally {
      open.remove(from);
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
