package io.jdocker.linux.process;

import io.jdocker.linux.signal.Signaller;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Starts container processes through jdocker-init (src/main/c/jdocker-init.c, which documents the
 * protocol): the helper connects to a per-launch Unix socket, receives the spec, clones the
 * container process into its namespaces and reports its host PID. The container then waits for
 * {@link RunningInit#release()} so the caller can put it into cgroups and wire its network first.
 */
public final class InitLauncher {
  private final Path helper;
  private final Path socketDir;
  private final Signaller signaller;

  /**
   * @param helper the jdocker-init binary ({@link InitHelper#locate()})
   * @param socketDir where per-launch control sockets live (short path: sun_path has 108 bytes)
   */
  public InitLauncher(Path helper, Path socketDir, Signaller signaller) {
    this.helper = helper;
    this.socketDir = socketDir;
    this.signaller = signaller;
  }

  public RunningInit start(ContainerSpec spec) throws IOException {
    byte[] encoded = InitSpecEncoder.encode(spec);
    Files.createDirectories(socketDir);
    Path dir = Files.createTempDirectory(socketDir, "init");
    Path socket = dir.resolve("ctl");
    Process process = null;
    SocketChannel control = null;
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      ProcessBuilder builder = new ProcessBuilder(helper.toString(), socket.toString())
          .redirectInput(spec.stdio().in())
          .redirectOutput(spec.stdio().out())
          .redirectError(spec.stdio().err());
      process = builder.start();
      Process started = process;
      // If the helper dies before connecting, accept() would wait forever.
      process.onExit().thenRun(() -> closeQuietly(server));
      try {
        control = server.accept();
      } catch (AsynchronousCloseException e) {
        throw new ContainerStartException(exitCode(started),
            "jdocker-init exited with status " + exitCode(started) + " before connecting");
      }
      writeAll(control, ByteBuffer.wrap(encoded));
      ControlMessage message = ControlMessage.read(control);
      if (message == null) {
        int code = started.waitFor();
        throw new ContainerStartException(code, "jdocker-init exited with status " + code);
      }
      message.throwIfError(started);
      int pid = message.pid();
      OptionalLong startTime = ProcStat.startTime(pid);
      RunningInit init = new RunningInit(process, control, pid, startTime.orElse(-1), signaller);
      control = null;
      process = null;
      return init;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the container", e);
    } finally {
      if (control != null) {
        closeQuietly(control);
      }
      if (process != null) {
        process.destroyForcibly();
      }
      Files.deleteIfExists(socket);
      Files.deleteIfExists(dir);
    }
  }

  private static int exitCode(Process process) {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  static void writeAll(SocketChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  static void closeQuietly(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      // Closing to unblock or to clean up: nothing left to do.
    }
  }
}
