package io.jdocker.image.registry;

import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code WWW-Authenticate} challenge: {@code Bearer realm="...",service="...",scope="..."}
 * or {@code Basic realm="..."}. The scheme is lowercased; parameter names too.
 */
record AuthChallenge(String scheme, Map<String, String> params) {
  static final String BEARER = "bearer";
  static final String BASIC = "basic";

  String param(String name) {
    return params.get(name);
  }

  static List<AuthChallenge> of(HttpHeaders headers) {
    List<AuthChallenge> challenges = new ArrayList<>();
    for (String value : headers.allValues("WWW-Authenticate")) {
      challenges.addAll(parse(value));
    }
    return challenges;
  }

  /** Parses a header value, which may hold several challenges separated by commas. */
  static List<AuthChallenge> parse(String header) {
    List<AuthChallenge> out = new ArrayList<>();
    Cursor c = new Cursor(header);
    while (c.skipSeparators()) {
      String scheme = c.token();
      if (scheme.isEmpty()) {
        break;
      }
      Map<String, String> params = new LinkedHashMap<>();
      while (c.skipSeparators() && c.nextIsParam()) {
        String name = c.token().toLowerCase(Locale.ROOT);
        c.expect('=');
        params.put(name, c.value());
      }
      out.add(new AuthChallenge(scheme.toLowerCase(Locale.ROOT), Map.copyOf(params)));
    }
    return out;
  }

  private static final class Cursor {
    private final String s;
    private int i;

    Cursor(String s) {
      this.s = s;
    }

    /** Skips spaces and commas; false at the end. */
    boolean skipSeparators() {
      while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == ',' || s.charAt(i) == '\t')) {
        i++;
      }
      return i < s.length();
    }

    /** Whether the text ahead is {@code name=} (a parameter) rather than a new scheme. */
    boolean nextIsParam() {
      int j = i;
      while (j < s.length() && isTokenChar(s.charAt(j))) {
        j++;
      }
      while (j < s.length() && s.charAt(j) == ' ') {
        j++;
      }
      return j < s.length() && s.charAt(j) == '=';
    }

    String token() {
      int start = i;
      while (i < s.length() && isTokenChar(s.charAt(i))) {
        i++;
      }
      return s.substring(start, i);
    }

    void expect(char ch) {
      while (i < s.length() && s.charAt(i) == ' ') {
        i++;
      }
      if (i < s.length() && s.charAt(i) == ch) {
        i++;
      }
      while (i < s.length() && s.charAt(i) == ' ') {
        i++;
      }
    }

    String value() {
      if (i < s.length() && s.charAt(i) == '"') {
        StringBuilder b = new StringBuilder();
        i++;
        while (i < s.length() && s.charAt(i) != '"') {
          if (s.charAt(i) == '\\' && i + 1 < s.length()) {
            i++;
          }
          b.append(s.charAt(i++));
        }
        i++;
        return b.toString();
      }
      int start = i;
      while (i < s.length() && s.charAt(i) != ',' && s.charAt(i) != ' ') {
        i++;
      }
      return s.substring(start, i);
    }

    private static boolean isTokenChar(char ch) {
      return ch > ' ' && ch < 127 && "()<>@,;:\\\"/[]?={}".indexOf(ch) < 0;
    }
  }
}
