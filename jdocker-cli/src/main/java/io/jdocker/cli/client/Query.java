package io.jdocker.cli.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Query parameters, encoded like Go's {@code url.Values.Encode()}: keys sorted, QueryEscape. */
public final class Query {
  private final Map<String, List<String>> values = new TreeMap<>();

  public static Query of() {
    return new Query();
  }

  public Query put(String key, String value) {
    if (value != null) {
      values.put(key, new ArrayList<>(List.of(value)));
    }
    return this;
  }

  /** Adds one more value under {@code key} (repeated keys, as in {@code names=a&names=b}). */
  public Query add(String key, String value) {
    values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    return this;
  }

  /** Booleans go as {@code 1} and are left out when false, as the docker CLI sends them. */
  public Query flag(String key, boolean on) {
    return on ? put(key, "1") : this;
  }

  public String encode() {
    StringBuilder sb = new StringBuilder();
    values.forEach((k, list) -> {
      for (String v : list) {
        sb.append(sb.isEmpty() ? "" : "&").append(escape(k)).append('=').append(escape(v));
      }
    });
    return sb.toString();
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
        sb.append(c);
      } else if (c == ' ') {
        sb.append('+');
      } else {
        sb.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return sb.toString();
  }
}
