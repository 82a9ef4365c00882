package io.jdocker.image.imports;

import io.jdocker.errdefs.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** EXPOSE arguments → {@code "80/tcp"} keys; ranges expand as in Docker's nat.ParsePortSpecs. */
final class ExposedPorts {
  private static final Pattern SPEC = Pattern.compile("^(\\d{1,5})(?:-(\\d{1,5}))?(?:/([A-Za-z]+))?$");

  private ExposedPorts() {}

  static List<String> parse(String args) {
    List<String> words = KeyValues.words(args);
    if (words.isEmpty()) {
      throw new InvalidParameterException("EXPOSE requires at least one argument");
    }
    List<String> out = new ArrayList<>();
    for (String word : words) {
      Matcher m = SPEC.matcher(word);
      if (!m.matches()) {
        throw new InvalidParameterException("EXPOSE: invalid containerPort: " + word);
      }
      int start = Integer.parseInt(m.group(1));
      int end = m.group(2) == null ? start : Integer.parseInt(m.group(2));
      String proto = m.group(3) == null ? "tcp" : m.group(3).toLowerCase(Locale.ROOT);
      if (start > 65535 || end > 65535 || end < start) {
        throw new InvalidParameterException("EXPOSE: invalid containerPort: " + word);
      }
      if (!List.of("tcp", "udp", "sctp").contains(proto)) {
        throw new InvalidParameterException("EXPOSE: invalid proto: " + proto);
      }
      for (int p = start; p <= end; p++) {
        out.add(p + "/" + proto);
      }
    }
    return out;
  }
}
