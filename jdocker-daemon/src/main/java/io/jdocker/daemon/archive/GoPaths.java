package io.jdocker.daemon.archive;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code path/filepath} functions on slash-separated container paths, because Docker's copy
 * semantics ({@code /tmp/} vs {@code /tmp/.} vs {@code /tmp}) are defined by them and Java's
 * {@code Path} drops trailing separators and dots.
 */
final class GoPaths {
  private GoPaths() {}

  /** {@code filepath.Clean} of an absolute path: the result starts with "/" and has no "." or "..". */
  static String cleanAbsolute(String path) {
    return "/" + String.join("/", components(path));
  }

  /** The components of {@code path} taken as absolute, cleaned lexically ({@code /..} stays at {@code /}). */
  static List<String> components(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty()) {
          parts.removeLast();
        }
        continue;
      }
      parts.add(part);
    }
    return parts;
  }

  /** {@code filepath.Base}: the last element, trailing slashes ignored; "/" for the root. */
  static String base(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    String trimmed = path.replaceAll("/+$", "");
    if (trimmed.isEmpty()) {
      return "/";
    }
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  /** {@code filepath.Split}: everything up to and including the last slash. */
  static String dir(String path) {
    return path.substring(0, path.lastIndexOf('/') + 1);
  }

  /** {@code filepath.Split}: everything after the last slash (may be empty). */
  static String file(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * Docker's {@code archive.PreserveTrailingDotOrSeparator}: a cleaned path gets back the {@code
   * /.} or {@code /} the client wrote, which decides between "the directory" and "its contents".
   */
  static String preserveTrailingDotOrSeparator(String cleaned, String original) {
    String result = cleaned;
    if (!base(result).equals(".") && base(original).equals(".")) {
      if (!result.endsWith("/")) {
        result += "/";
      }
      result += ".";
    }
    if (!result.endsWith("/") && original.endsWith("/")) {
      result += "/";
    }
    return result;
  }
}
