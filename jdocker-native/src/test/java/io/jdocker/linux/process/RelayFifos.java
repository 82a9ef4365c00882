package io.jdocker.linux.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The daemon's side of jdocker-init's FIFOs in a test: stdout, stdin and ctl in one dir. */
final class RelayFifos {
  final Path out;
  final Path in;
  final Path ctl;

  RelayFifos(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    out = dir.resolve("stdout");
    in = dir.resolve("stdin");
    ctl = dir.resolve("ctl");
    for (Path fifo : new Path[] {out, in, ctl}) {
      if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() != 0) {
        throw new IOException("mkfifo " + fifo + " failed");
      }
    }
  }

  /** A reader of stdout as the daemon opens it: EOF once jdocker-init (its last writer) is gone. */
  InputStream openOut() throws IOException {
    try (FileChannel keeper = FileChannel.open(out, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      return Files.newInputStream(out);
    }
  }

  /** A writer of stdin; read-write, so it opens before jdocker-init does. */
  OutputStream openIn() throws IOException {
    RandomAccessFile file = new RandomAccessFile(in.toFile(), "rw");
    return new java.io.FileOutputStream(file.getFD()) {
      @Override
      public void close() throws IOException {
        file.close();
      }
    };
  }

  static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Reads on the calling thread until {@code expected} has arrived; returns everything read. */
  static String readUntil(InputStream in, String expected) throws IOException {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    while (!seen.toString(StandardCharsets.ISO_8859_1).contains(expected)) {
      int n = in.read(buf);
      if (n < 0) {
        throw new AssertionError("EOF before \"" + expected + "\"; got:\n" + seen);
      }
      seen.write(buf, 0, n);
    }
    return seen.toString(StandardCharsets.ISO_8859_1);
  }
}
