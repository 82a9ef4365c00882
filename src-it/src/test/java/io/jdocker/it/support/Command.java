package io.jdocker.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs an external program (jdocker, docker, curl) with a timeout, capturing its output. */
public final class Command {
  private static final long TIMEOUT_SECONDS = 120;

  private final List<String> argv = new ArrayList<>();
  private byte[] stdin;
  private Path stdinFile;
  private Path stdoutFile;
  private final Map<String, String> env = new java.util.HashMap<>();

  private Command(List<String> argv) {
    this.argv.addAll(argv);
  }

  public static Command of(List<String> argv) {
    return new Command(argv);
  }

  public Command stdin(byte[] bytes) {
    this.stdin = bytes;
    return this;
  }

  public Command stdinFrom(Path file) {
    this.stdinFile = file;
    return this;
  }

  public Command stdoutTo(Path file) {
    this.stdoutFile = file;
    return this;
  }

  public Command env(String name, String value) {
    env.put(name, value);
    return this;
  }

  public CommandResult run() {
    ProcessBuilder pb = new ProcessBuilder(argv);
    pb.environment().putAll(env);
    if (stdinFile != null) {
      pb.redirectInput(stdinFile.toFile());
    }
    if (stdoutFile != null) {
      pb.redirectOutput(stdoutFile.toFile());
    }
    try {
      Process process = pb.start();
      CompletableFuture<byte[]> out = stdoutFile == null
          ? drain(process.getInputStream()) : CompletableFuture.completedFuture(new byte[0]);
      CompletableFuture<byte[]> err = drain(process.getErrorStream());
      try (OutputStream in = process.getOutputStream()) {
        if (stdin != null && stdinFile == null) {
          in.write(stdin);
        }
      } catch (IOException ignored) {
        // The program may exit without reading its input; its exit code tells the story.
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("timed out after " + TIMEOUT_SECONDS + "s: " + argv);
      }
      return new CommandResult(process.exitValue(), new String(out.join()), new String(err.join()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + argv, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static CompletableFuture<byte[]> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try (stream) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        stream.transferTo(buffer);
        return buffer.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
