package io.jdocker.linux.pty;

/** A terminal's size in character cells (struct winsize without the unused pixel sizes). */
public record WindowSize(int rows, int columns) {
  public WindowSize {
    if (rows < 0 || rows > 0xffff || columns < 0 || columns > 0xffff) {
      throw new IllegalArgumentException("window size out of range: " + rows + "x" + columns);
    }
  }
}
