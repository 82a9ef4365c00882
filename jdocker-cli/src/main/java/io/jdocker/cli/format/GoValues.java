package io.jdocker.cli.format;

import io.jdocker.cli.json.JsonWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How Go's fmt and text/template see the JSON-shaped values the CLI formats. */
final class GoValues {
  /** The value of a missing map key, printed by text/template as {@code <no value>}. */
  static final Object NO_VALUE = new Object() {
    @Override
    public String toString() {
      return "<no value>";
    }
  };

  private GoValues() {}

  /** {@code fmt.Sprint(v)}. */
  static String print(Object v) {
    return switch (v) {
      case null -> "<nil>";
      case String s -> s;
      case Double d -> formatFloat(d);
      case TypedValue tv -> print(tv.toJson());
      case Map<?, ?> map -> {
        StringBuilder sb = new StringBuilder("map[");
        boolean first = true;
        for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
          if (!first) {
            sb.append(' ');
          }
          first = false;
          sb.append(e.getKey()).append(':').append(print(e.getValue()));
        }
        yield sb.append(']').toString();
      }
      case List<?> list -> {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            sb.append(' ');
          }
          sb.append(print(list.get(i)));
        }
        yield sb.append(']').toString();
      }
      default -> v.toString();
    };
  }

  /** Go's {@code %v} for float64: shortest representation, exponent form from 1e21. */
  static String formatFloat(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e21) {
      return String.valueOf((long) d);
    }
    return JsonWriter.write(d, "", false);
  }

  /** text/template's truth: false, 0, nil, and empty strings, lists and maps are false. */
  static boolean truth(Object v) {
    return switch (v) {
      case null -> false;
      case Boolean b -> b;
      case String s -> !s.isEmpty();
      case Number n -> n.doubleValue() != 0;
      case Map<?, ?> m -> !m.isEmpty();
      case List<?> l -> !l.isEmpty();
      default -> v != NO_VALUE;
    };
  }

  /** The Go type name used in "can't evaluate field X in type T". */
  static String typeName(Object v) {
    return switch (v) {
      case null -> "interface {}";
      case TypedValue tv -> tv.goType();
      case String s -> "string";
      case Boolean b -> "bool";
      case Long l -> "int64";
      case Double d -> "float64";
      case Map<?, ?> m -> "map[string]interface {}";
      case List<?> l -> "[]interface {}";
      default -> v.getClass().getSimpleName();
    };
  }
}
