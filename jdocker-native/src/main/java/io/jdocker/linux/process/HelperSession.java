package io.jdocker.linux.process;

import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The daemon's side of jdocker-init's control protocol (documented in jdocker-init.c), shared by
 * both modes: start the helper on a per-launch Unix socket, send the spec, read "pid N"; later
 * send the go-ahead and learn whether the command was exec'd.
 */
final class HelperSession {
  /** A helper that reported the process's host PID and now waits for {@link #goAhead}. */
  record Connected(Process helper, SocketChannel control, int pid, long startTime) {}

  private HelperSession() {}

  /**
   * @param modeArgs arguments before the socket path ("--enter" for exec mode, none to run)
   * @param spec the encoded spec, length prefix included
   */
  static Connected connect(Path helper, Path socketDir, List<String> modeArgs, ContainerSpec.Stdio stdio,
      byte[] spec) throws IOException {
    Files.createDirectories(socketDir);
    Path dir = Files.createTempDirectory(socketDir, "init");
    Path socket = dir.resolve("ctl");
    Process process = null;
    SocketChannel control = null;
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      List<String> command = new ArrayList<>();
      command.add(helper.toString());
      command.addAll(modeArgs);
      command.add(socket.toString());
      process = new ProcessBuilder(command)
          .redirectInput(stdio.in())
          .redirectOutput(stdio.out())
          .redirectError(stdio.err())
          .start();
      Process started = process;
      // If the helper dies before connecting, accept() would wait forever.
      process.onExit().thenRun(() -> closeQuietly(server));
      try {
        control = server.accept();
      } catch (AsynchronousCloseException e) {
        throw new ContainerStartException(exitCode(started),
            "jdocker-init exited with status " + exitCode(started) + " before connecting");
      }
      writeAll(control, ByteBuffer.wrap(spec));
      ControlMessage message = ControlMessage.read(control);
      if (message == null) {
        int code = started.waitFor();
        throw new ContainerStartException(code, "jdocker-init exited with status " + code);
      }
      message.throwIfError(started);
      int pid = message.pid();
      OptionalLong startTime = ProcStat.startTime(pid);
      Connected connected = new Connected(process, control, pid, startTime.orElse(-1));
      control = null;
      process = null;
      return connected;
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

  /**
   * Lets the process exec its command. Returns once it runs; throws the helper's reported failure
   * (after the helper exited, so its exit code is final) if it failed first. Closes the control.
   */
  static void goAhead(Process helper, SocketChannel control) throws IOException {
    try {
      writeAll(control, ByteBuffer.wrap(new byte[] {'g'}));
      ControlMessage message = ControlMessage.read(control);
      if (message != null) {
        message.throwIfError(helper);
        throw new IOException("unexpected message from jdocker-init after go-ahead");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the container", e);
    } finally {
      closeQuietly(control);
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

  static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      // Closing to unblock or to clean up: nothing left to do.
    }
  }
}
