package io.jdocker.daemon.server;

import io.netty.channel.IoHandle;
import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.IoOps;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.util.concurrent.ThreadAwareExecutor;

/**
 * Netty's epoll I/O handler with a fix: a socket stays in the epoll set when its interest drops
 * to nothing. Netty 4.2.18 removes it then (EPOLL_CTL_DEL) yet remembers it as added, so the next
 * interest (EPOLLOUT once the send buffer fills) is an EPOLL_CTL_MOD that fails with ENOENT and
 * shuts the output down. A client's half-close clears the last flag (EPOLLIN, EPOLLRDHUP):
 * {@code docker run} without {@code -i} half-closes right after the 101, and lost all but the
 * first megabyte or so of its output. "Nothing" is submitted as EPOLLET instead: no event is
 * asked for, and the hangup or error that epoll always reports comes once, not on every wait.
 */
final class EpollKeepRegistered implements IoHandlerFactory {
  private final IoHandlerFactory epoll = EpollIoHandler.newFactory();

  @Override
  public IoHandler newHandler(ThreadAwareExecutor executor) {
    return new Handler(epoll.newHandler(executor));
  }

  @Override
  public boolean isChangingThreadSupported() {
    return epoll.isChangingThreadSupported();
  }

  /** The submitted interest, or EPOLLET where Netty would remove the socket. */
  static IoOps kept(IoOps ops) {
    return ops instanceof EpollIoOps epollOps && epollOps.value() == EpollIoOps.NONE.value()
        ? EpollIoOps.EPOLLET
        : ops;
  }

  private record Handler(IoHandler delegate) implements IoHandler {
    @Override
    public void initialize() {
      delegate.initialize();
    }

    @Override
    public int run(IoHandlerContext context) {
      return delegate.run(context);
    }

    @Override
    public void prepareToDestroy() {
      delegate.prepareToDestroy();
    }

    @Override
    public void destroy() {
      delegate.destroy();
    }

    @Override
    public IoRegistration register(IoHandle handle) throws Exception {
      return new Registration(delegate.register(handle));
    }

    @Override
    public void wakeup() {
      delegate.wakeup();
    }

    @Override
    public boolean isCompatible(Class<? extends IoHandle> handleType) {
      return delegate.isCompatible(handleType);
    }
  }

  private record Registration(IoRegistration delegate) implements IoRegistration {
    @Override
    public <T> T attachment() {
      return delegate.attachment();
    }

    @Override
    public long submit(IoOps ops) {
      return delegate.submit(kept(ops));
    }

    @Override
    public boolean isValid() {
      return delegate.isValid();
    }

    @Override
    public boolean cancel() {
      return delegate.cancel();
    }
  }
}
