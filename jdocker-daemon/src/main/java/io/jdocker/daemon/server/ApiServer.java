package io.jdocker.daemon.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API server on a Unix domain socket (epoll, see {@link EpollKeepRegistered}). {@link #start}
 * claims the path (refusing when a daemon listens there, removing a stale file), binds, restricts
 * the file to mode 0660 and group {@code docker}; {@link #close} stops accepting, closes the loops
 * and removes the file.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final String SOCKET_GROUP = "docker";

  private final Path socket;
  private final EventLoopGroup bossGroup;
  private final EventLoopGroup workerGroup;
  private final Channel serverChannel;

  private ApiServer(Path socket, EventLoopGroup boss, EventLoopGroup workers, Channel channel) {
    this.socket = socket;
    this.bossGroup = boss;
    this.workerGroup = workers;
    this.serverChannel = channel;
  }

  public static ApiServer start(Path socket, ChannelInitializer<Channel> initializer) throws IOException {
    SocketFiles.claim(socket);
    Files.createDirectories(socket.toAbsolutePath().getParent());
    // Not NIO: Netty 4.2.18 cannot half-close its NIO Unix sockets (a client's EOF closes them).
    IoHandlerFactory epoll = new EpollKeepRegistered();
    EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, epoll);
    // The handlers run elsewhere, so the loops only parse and copy: two are plenty on small hosts.
    EventLoopGroup workers = new MultiThreadIoEventLoopGroup(
        Math.min(4, Math.max(2, Runtime.getRuntime().availableProcessors())), epoll);
    try {
      Channel channel = new ServerBootstrap()
          .group(boss, workers)
          .channel(EpollServerDomainSocketChannel.class)
          .option(ChannelOption.SO_BACKLOG, 1024)
          .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
          .childHandler(initializer)
          .bind(new DomainSocketAddress(socket.toString()))
          .syncUninterruptibly()
          .channel();
      SocketFiles.restrict(socket, SOCKET_GROUP);
      return new ApiServer(socket, boss, workers, channel);
    } catch (RuntimeException | IOException e) {
      boss.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      throw e;
    }
  }

  public Path socket() {
    return socket;
  }

  @Override
  public void close() {
    serverChannel.close().syncUninterruptibly();
    bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    try {
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      LOG.warn("could not remove {}: {}", socket, e.toString());
    }
  }
}
