package io.jdocker.daemon.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Finds newlines from the end of a file towards its start, reading large blocks. */
final class BackwardScan {
  static final int BLOCK_SIZE = 64 * 1024;

  private final FileChannel channel;
  private final ByteBuffer block = ByteBuffer.allocate(BLOCK_SIZE);
  private long blockStart;
  private int cursor; // index in the block of the next byte to examine, going down

  /** Scans {@code channel[0, end)} starting from its last byte. */
  BackwardScan(FileChannel channel, long end) {
    this.channel = channel;
    this.blockStart = end;
    this.cursor = -1;
  }

  /** The position of the previous {@code '\n'} in the file, or -1 when the start is reached. */
  long previousNewline() throws IOException {
    while (true) {
      byte[] a = block.array();
      for (int k = cursor; k >= 0; k--) {
        if (a[k] == '\n') {
          cursor = k - 1;
          return blockStart + k;
        }
      }
      if (blockStart == 0) {
        cursor = -1;
        return -1;
      }
      int length = (int) Math.min(BLOCK_SIZE, blockStart);
      blockStart -= length;
      block.clear().limit(length);
      while (block.hasRemaining()) {
        if (channel.read(block, blockStart + block.position()) < 0) {
          throw new IOException("log file shrank while reading it backwards");
        }
      }
      cursor = length - 1;
    }
  }
}
