package io.jdocker.daemon.api;

import io.netty.channel.Channel;
import io.netty.channel.unix.UnixChannel;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Tells a client that closed its Unix socket from one that only half-closed it, once its EOF has
 * been read. With ALLOW_HALF_CLOSURE Netty reports both as input shutdown. The kernel does know:
 * closing one end of a Unix stream socket shuts down both directions of the other end, after
 * which even a zero-length write fails with EPIPE, while after shutdown(SHUT_WR) it succeeds
 * and sends nothing.
 */
final class PeerHangup {
  private static final ByteBuffer NOTHING = ByteBuffer.allocateDirect(1);

  private PeerHangup() {}

  /** Call on the event loop after input shutdown; false when it cannot tell (not a Unix socket). */
  static boolean detected(Channel channel) {
    if (!(channel instanceof UnixChannel unix) || !channel.isActive()) {
      return false;
    }
    try {
      unix.fd().write(NOTHING, 0, 0);
      return false;
    } catch (IOException peerGone) {
      return true;
    }
  }
}
