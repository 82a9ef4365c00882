package io.jdocker.cli.json;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON the way Go's encoding/json does: compact or indented like {@code json.Indent},
 * with optional HTML escaping of {@code < > &} (json.Marshal's default), maps in their own order.
 */
public final class JsonWriter {
  private final String indent;
  private final boolean escapeHtml;
  private final StringBuilder out = new StringBuilder();

  private JsonWriter(String indent, boolean escapeHtml) {
    this.indent = indent;
    this.escapeHtml = escapeHtml;
  }

  /** Compact, as Go's {@code json.Marshal} (HTML-escaped). */
  public static String compact(Object value) {
    return write(value, "", true);
  }

  public static String write(Object value, String indent, boolean escapeHtml) {
    JsonWriter writer = new JsonWriter(indent, escapeHtml);
    writer.value(value, 0);
    return writer.out.toString();
  }

  private void value(Object value, int depth) {
    switch (value) {
      case null -> out.append("null");
      case String s -> string(s);
      case Boolean b -> out.append(b);
      case Double d -> out.append(formatDouble(d));
      case Float f -> out.append(formatDouble(f.doubleValue()));
      case Number n -> out.append(n);
      case Map<?, ?> map -> object(map, depth);
      case List<?> list -> array(list, depth);
      case JsonValue jv -> value(jv.toJson(), depth);
      default -> string(value.toString());
    }
  }

  private void object(Map<?, ?> map, int depth) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      newline(depth + 1);
      string(String.valueOf(e.getKey()));
      out.append(indent.isEmpty() ? ":" : ": ");
      value(e.getValue(), depth + 1);
    }
    newline(depth);
    out.append('}');
  }

  private void array(List<?> list, int depth) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      newline(depth + 1);
      value(list.get(i), depth + 1);
    }
    newline(depth);
    out.append(']');
  }

  private void newline(int depth) {
    if (indent.isEmpty()) {
      return;
    }
    out.append('\n');
    out.append(indent.repeat(depth));
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          boolean html = escapeHtml && (c == '<' || c == '>' || c == '&');
          if (c < 0x20 || html || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Go's float64 encoding: plain decimal between 1e-6 and 1e21, exponent form outside. */
  static String formatDouble(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e21) {
      return new BigDecimal(d).toPlainString();
    }
    double abs = Math.abs(d);
    if (abs >= 1e-6 && abs < 1e21) {
      return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
    String s = Double.toString(d).replace("E", "e");
    int e = s.indexOf('e');
    String mantissa = s.substring(0, e);
    if (mantissa.endsWith(".0")) {
      mantissa = mantissa.substring(0, mantissa.length() - 2);
    }
    String exp = s.substring(e + 1);
    String sign = exp.startsWith("-") ? "-" : "+";
    exp = exp.replace("-", "");
    // encoding/json writes e-7 where strconv would write e-07, but keeps e+21.
    return mantissa + "e" + sign + (exp.length() < 2 && sign.equals("+") ? "0" + exp : exp);
  }
}
