package io.jdocker.image.imports;

import io.jdocker.errdefs.InvalidParameterException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ENV and LABEL arguments: {@code k=v k2="v 2"} or the legacy {@code k value with spaces}. */
final class KeyValues {
  private KeyValues() {}

  static Map<String, String> parse(String keyword, String args) {
    if (args.isEmpty()) {
      throw new InvalidParameterException(keyword + " requires at least one argument");
    }
    Map<String, String> out = new LinkedHashMap<>();
    List<String> words = words(args);
    if (!words.getFirst().contains("=")) {
      // Legacy form: the first word is the name, the rest of the line is the value.
      int space = firstWhitespace(args);
      if (space < 0) {
        throw new InvalidParameterException(keyword + " must have two arguments");
      }
      out.put(words.getFirst(), args.substring(space).strip());
      return out;
    }
    for (String word : words) {
      int eq = word.indexOf('=');
      if (eq < 0) {
        throw new InvalidParameterException("Syntax error - can't find = in \"" + word + "\". Must be of the form: name=value");
      }
      String key = word.substring(0, eq);
      if (key.isBlank()) {
        throw new InvalidParameterException(keyword + " names can not be blank");
      }
      out.put(key, word.substring(eq + 1));
    }
    return out;
  }

  private static int firstWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** Splits on unquoted whitespace, removing quotes and backslash escapes. */
  static List<String> words(String s) {
    List<String> words = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (quote == 0 && Character.isWhitespace(ch)) {
        if (inWord) {
          words.add(cur.toString());
          cur.setLength(0);
          inWord = false;
        }
        continue;
      }
      inWord = true;
      if (ch == '\\' && quote != '\'' && i + 1 < s.length()) {
        cur.append(s.charAt(++i));
      } else if (quote == 0 && (ch == '"' || ch == '\'')) {
        quote = ch;
      } else if (ch == quote) {
        quote = 0;
      } else {
        cur.append(ch);
      }
    }
    if (quote != 0) {
      throw new InvalidParameterException("unexpected end of statement while looking for matching " + quote);
    }
    if (inWord) {
      words.add(cur.toString());
    }
    return words;
  }
}
