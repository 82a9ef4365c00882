package io.jdocker.daemon.engine.images;

import java.util.regex.Pattern;

/** Go's path.Match: {@code *} and {@code ?} never match '/', {@code [...]} classes, '\' escapes. */
final class Glob {
  private Glob() {}

  static Pattern compile(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> re.append("[^/]*");
        case '?' -> re.append("[^/]");
        case '\\' -> {
          if (i + 1 < glob.length()) {
            re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
          }
        }
        case '[' -> {
          int end = glob.indexOf(']', i + 1);
          if (end < 0) {
            re.append("\\[");
          } else {
            String cls = glob.substring(i + 1, end);
            if (cls.startsWith("^")) {
              cls = "^" + cls.substring(1).replace("\\", "\\\\").replace("[", "\\[");
            } else {
              cls = cls.replace("\\", "\\\\").replace("[", "\\[");
            }
            re.append('[').append(cls).append(']');
            i = end;
          }
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }
}
