package io.jdocker.linux.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;

/** One line from jdocker-init: "pid N" or "error CODE MESSAGE". */
record ControlMessage(int pid, int errorCode, String error) {

  /** Reads one line, or returns null at end of stream. Byte by byte: nothing may be over-read. */
  static ControlMessage read(ReadableByteChannel channel) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    ByteBuffer one = ByteBuffer.allocate(1);
    while (true) {
      one.clear();
      if (channel.read(one) < 0) {
        return line.size() == 0 ? null : parse(line.toString(StandardCharsets.UTF_8));
      }
      byte b = one.get(0);
      if (b == '\n') {
        return parse(line.toString(StandardCharsets.UTF_8));
      }
      line.write(b);
    }
  }

  static ControlMessage parse(String line) throws IOException {
    if (line.startsWith("pid ")) {
      return new ControlMessage(Integer.parseInt(line.substring(4).trim()), 0, null);
    }
    if (line.startsWith("error ")) {
      int space = line.indexOf(' ', 6);
      if (space > 0) {
        return new ControlMessage(-1, Integer.parseInt(line.substring(6, space)), line.substring(space + 1));
      }
    }
    throw new IOException("unexpected message from jdocker-init: " + line);
  }

  boolean isError() {
    return error != null;
  }

  /** Throws the failure this message reports, after the helper has exited. */
  void throwIfError(Process helper) throws ContainerStartException, InterruptedException {
    if (isError()) {
      helper.waitFor();
      throw new ContainerStartException(errorCode, error);
    }
  }
}
