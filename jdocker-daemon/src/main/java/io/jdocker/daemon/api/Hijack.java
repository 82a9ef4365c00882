package io.jdocker.daemon.api;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * A connection taken over from HTTP for attach and exec: raw bytes both ways, as dockerd's
 * hijacked streams. The connection closes when {@link #close} is called or, at the latest, when
 * the handler that hijacked it returns; it is never used for HTTP again.
 *
 * <p>A client that half-closes (shutdown(SHUT_WR), as {@code docker run} without {@code -i} does
 * right after the handshake) only ends {@link #input()}: output goes on until the server closes.
 * A client that closes or resets the connection is gone: {@link #onClientClosed} callbacks run,
 * {@link #input()} ends and writes to {@link #output()} fail.
 */
public interface Hijack extends AutoCloseable {
  /**
   * Bytes to the client, unframed (wrap it in {@code streams.MultiplexedOutput} for non-TTY
   * streams). Every {@code write} is sent at once; a write blocks while the client does not
   * keep up; writes throw IOException once the client or the server has closed the connection.
   * Safe for several threads; closing it does not close the connection.
   */
  OutputStream output();

  /**
   * Bytes from the client (stdin), including any that arrived with the request. EOF when the
   * client half-closes or closes. Reading nothing stops reading the socket once about 1 MiB waits
   * here; {@code close()} it when stdin is not wanted so that the data is dropped instead.
   */
  InputStream input();

  /** True once the client closed or reset the connection (not after a mere half-close). */
  boolean clientClosed();

  /**
   * Runs {@code callback} when the client closes or resets the connection, at once if it
   * already has. It runs on the event loop: keep it short (wake a thread, kill a pump).
   */
  void onClientClosed(Runnable callback);

  /**
   * Closes the connection after what was written has been sent, as dockerd does when the
   * process exits. Idempotent; {@link #input()} reads EOF afterwards.
   */
  @Override
  void close();
}
