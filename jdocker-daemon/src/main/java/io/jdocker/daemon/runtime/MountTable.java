package io.jdocker.daemon.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The daemon's own mount table (/proc/self/mountinfo): what is mounted below a directory. */
final class MountTable {
  private final Path mountinfo;

  MountTable(Path mountinfo) {
    this.mountinfo = mountinfo;
  }

  static MountTable self() {
    return new MountTable(Path.of("/proc/self/mountinfo"));
  }

  /** Mount points at or below {@code dir}, deepest first (the order to unmount them in). */
  List<Path> under(Path dir) throws IOException {
    Path base = dir.toAbsolutePath().normalize();
    List<Path> found = new ArrayList<>();
    for (String line : Files.readAllLines(mountinfo)) {
      String[] fields = line.split(" ");
      if (fields.length > 4) {
        Path point = Path.of(unescape(fields[4]));
        if (point.startsWith(base)) {
          found.add(point);
        }
      }
    }
    found.sort(Comparator.comparingInt(Path::getNameCount).reversed());
    return found;
  }

  /** mountinfo writes space, tab, newline and backslash as octal escapes (\040 ...). */
  static String unescape(String field) {
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 3 < field.length()
          && field.substring(i + 1, i + 4).chars().allMatch(d -> d >= '0' && d <= '7')) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
