package io.jdocker.cli.tty;

/** A terminal's size in character cells, as {@code stty size} prints it (rows first). */
public record WindowSize(int rows, int cols) {
  public static final WindowSize NONE = new WindowSize(0, 0);

  /** Parses {@code "30 100"}; null when the text is anything else. */
  public static WindowSize parse(String sttySize) {
    String[] parts = sttySize == null ? new String[0] : sttySize.strip().split("\\s+");
    if (parts.length != 2 || !parts[0].matches("\\d+") || !parts[1].matches("\\d+")) {
      return null;
    }
    return new WindowSize(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
  }

  public boolean isZero() {
    return rows == 0 && cols == 0;
  }
}
