package io.jdocker.cli.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code text/tabwriter} as the docker CLI configures it
 * ({@code NewWriter(out, 10, 1, 3, ' ', 0)}): tab-terminated cells, one column block per run of
 * consecutive lines that have a cell in that column, the text after a line's last tab unpadded.
 */
public final class TabWriter {
  private final int minWidth;
  private final int padding;
  private final List<List<String>> lines = new ArrayList<>();
  private final List<Integer> widths = new ArrayList<>();
  private StringBuilder out;

  public TabWriter(int minWidth, int padding) {
    this.minWidth = minWidth;
    this.padding = padding;
  }

  /** The docker CLI's table writer. */
  public static TabWriter docker() {
    return new TabWriter(10, 3);
  }

  /** Aligns {@code text}; a final line without a trailing newline is kept without one. */
  public String format(String text) {
    lines.clear();
    widths.clear();
    out = new StringBuilder();
    String[] rawLines = text.split("\n", -1);
    for (String raw : rawLines) {
      List<String> cells = new ArrayList<>(List.of(raw.split("\t", -1)));
      lines.add(cells);
    }
    format(0, lines.size());
    return out.toString();
  }

  private void format(int line0, int line1) {
    int column = widths.size();
    for (int i = line0; i < line1; i++) {
      if (column >= lines.get(i).size() - 1) {
        continue;
      }
      writeLines(line0, i);
      line0 = i;
      int width = minWidth;
      for (; i < line1; i++) {
        List<String> line = lines.get(i);
        if (column >= line.size() - 1) {
          break;
        }
        width = Math.max(width, cellWidth(line.get(column)) + padding);
      }
      widths.add(width);
      format(line0, i);
      widths.removeLast();
      line0 = i;
      i--;
    }
    writeLines(line0, line1);
  }

  private void writeLines(int line0, int line1) {
    for (int i = line0; i < line1; i++) {
      List<String> line = lines.get(i);
      for (int j = 0; j < line.size(); j++) {
        String cell = line.get(j);
        out.append(cell);
        if (j < widths.size()) {
          out.append(" ".repeat(Math.max(0, widths.get(j) - cellWidth(cell))));
        }
      }
      if (i + 1 < lines.size()) {
        out.append('\n');
      }
    }
  }

  /** Terminal cells, not characters: docker's fork of text/tabwriter measures with go-runewidth. */
  private static int cellWidth(String cell) {
    return cell.codePoints().map(DisplayWidth::of).sum();
  }
}
