package io.jdocker.cli.format;

import io.jdocker.cli.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Go's template builtins plus the docker CLI's own functions ({@code json}, {@code join}, …). */
final class TemplateFunctions {
  static final Set<String> NAMES = Set.of(
      "json", "split", "join", "title", "lower", "upper", "pad", "truncate", "println", "print",
      "printf", "index", "len", "eq", "ne", "lt", "le", "gt", "ge", "not", "and", "or");
  private static final Set<String> HEADER_PASSTHROUGH =
      Set.of("json", "split", "join", "title", "lower", "upper", "pad", "truncate");

  private final boolean header;

  TemplateFunctions(boolean header) {
    this.header = header;
  }

  Object call(String name, List<Object> args) {
    if (header && HEADER_PASSTHROUGH.contains(name)) {
      return args.isEmpty() ? "" : args.getFirst();
    }
    return switch (name) {
      case "json" -> json(arg(args, 0, 1));
      case "split" -> new ArrayList<>(List.of(str(args, 0, 2).split(java.util.regex.Pattern.quote(str(args, 1, 2)), -1)));
      case "join" -> join(arg(args, 0, 2), str(args, 1, 2));
      case "title" -> title(str(args, 0, 1));
      case "lower" -> str(args, 0, 1).toLowerCase(Locale.ROOT);
      case "upper" -> str(args, 0, 1).toUpperCase(Locale.ROOT);
      case "pad" -> " ".repeat((int) num(args, 1, 3)) + str(args, 0, 3) + " ".repeat((int) num(args, 2, 3));
      case "truncate" -> truncate(str(args, 0, 2), (int) num(args, 1, 2));
      case "println" -> sprint(args, true) + "\n";
      case "print" -> sprint(args, false);
      case "printf" -> GoPrintf.format(str(args, 0, -1), args.subList(1, args.size()));
      case "index" -> index(args);
      case "len" -> length(arg(args, 0, 1));
      case "eq" -> eq(args);
      case "ne" -> !compare(arg(args, 0, 2), arg(args, 1, 2), "ne").equals(0);
      case "lt" -> (Integer) compare(arg(args, 0, 2), arg(args, 1, 2), "lt") < 0;
      case "le" -> (Integer) compare(arg(args, 0, 2), arg(args, 1, 2), "le") <= 0;
      case "gt" -> (Integer) compare(arg(args, 0, 2), arg(args, 1, 2), "gt") > 0;
      case "ge" -> (Integer) compare(arg(args, 0, 2), arg(args, 1, 2), "ge") >= 0;
      case "not" -> !GoValues.truth(arg(args, 0, 1));
      case "and" -> andOr(args, true);
      case "or" -> andOr(args, false);
      default -> throw new TemplateException("function \"" + name + "\" not defined");
    };
  }

  /** docker's json: json.Encoder without HTML escaping, trailing newline trimmed. */
  private static String json(Object v) {
    if (v instanceof TypedValue typed) {
      return JsonWriter.write(typed.toJson(), "", true);
    }
    return JsonWriter.write(v == GoValues.NO_VALUE ? null : v, "", false);
  }

  private static String join(Object list, String sep) {
    if (!(list instanceof List<?> items)) {
      throw new TemplateException("wrong type for value; expected []string; got " + GoValues.typeName(list));
    }
    List<String> parts = new ArrayList<>();
    for (Object item : items) {
      parts.add(GoValues.print(item));
    }
    return String.join(sep, parts);
  }

  private static String title(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean start = true;
    for (char c : s.toCharArray()) {
      sb.append(start ? Character.toUpperCase(c) : c);
      start = !Character.isLetterOrDigit(c) && c != '_' && c != '\'';
    }
    return sb.toString();
  }

  private static String truncate(String s, int n) {
    return s.length() > n ? s.substring(0, n) : s;
  }

  /** fmt.Sprint adds spaces between operands when neither is a string; Sprintln always does. */
  private static String sprint(List<Object> args, boolean always) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < args.size(); i++) {
      if (i > 0 && (always || !(args.get(i) instanceof String) && !(args.get(i - 1) instanceof String))) {
        sb.append(' ');
      }
      sb.append(GoValues.print(args.get(i)));
    }
    return sb.toString();
  }

  private static Object index(List<Object> args) {
    Object v = arg(args, 0, -1);
    for (Object key : args.subList(1, args.size())) {
      v = switch (v) {
        case Map<?, ?> map -> map.containsKey(String.valueOf(key)) ? map.get(String.valueOf(key)) : GoValues.NO_VALUE;
        case List<?> list -> {
          if (!(key instanceof Number n) || n.intValue() < 0 || n.intValue() >= list.size()) {
            throw new TemplateException("error calling index: index out of range: " + key);
          }
          yield list.get(n.intValue());
        }
        case TypedValue typed -> typed.has(String.valueOf(key)) ? typed.get(String.valueOf(key)) : GoValues.NO_VALUE;
        case null -> throw new TemplateException("index of untyped nil");
        default -> throw new TemplateException("can't index item of type " + GoValues.typeName(v));
      };
    }
    return v;
  }

  private static long length(Object v) {
    return switch (v) {
      case String s -> s.length();
      case List<?> l -> l.size();
      case Map<?, ?> m -> m.size();
      default -> throw new TemplateException("len of type " + GoValues.typeName(v));
    };
  }

  private static boolean eq(List<Object> args) {
    Object first = arg(args, 0, -1);
    if (args.size() < 2) {
      throw new TemplateException("missing argument for comparison");
    }
    for (Object other : args.subList(1, args.size())) {
      if (compare(first, other, "eq").equals(0)) {
        return true;
      }
    }
    return false;
  }

  private static Object compare(Object a, Object b, String op) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof String x && b instanceof String y) {
      return Integer.signum(x.compareTo(y));
    }
    if (a instanceof Boolean x && b instanceof Boolean y && (op.equals("eq") || op.equals("ne"))) {
      return x.equals(y) ? 0 : 1;
    }
    if (a == null && b == null && (op.equals("eq") || op.equals("ne"))) {
      return 0;
    }
    throw new TemplateException("incompatible types for comparison");
  }

  private static Object andOr(List<Object> args, boolean and) {
    Object v = arg(args, 0, -1);
    for (Object a : args) {
      v = a;
      if (GoValues.truth(a) != and) {
        return a;
      }
    }
    return v;
  }

  private static Object arg(List<Object> args, int i, int want) {
    if (want >= 0 && args.size() != want) {
      throw new TemplateException("wrong number of args: want " + want + " got " + args.size());
    }
    if (i >= args.size()) {
      throw new TemplateException("wrong number of args: want at least " + (i + 1) + " got " + args.size());
    }
    Object v = args.get(i);
    return v == GoValues.NO_VALUE ? null : v;
  }

  private static String str(List<Object> args, int i, int want) {
    Object v = arg(args, i, want);
    if (v instanceof String s) {
      return s;
    }
    throw new TemplateException("wrong type for value; expected string; got " + GoValues.typeName(v));
  }

  private static long num(List<Object> args, int i, int want) {
    Object v = arg(args, i, want);
    if (v instanceof Number n) {
      return n.longValue();
    }
    throw new TemplateException("wrong type for value; expected int; got " + GoValues.typeName(v));
  }
}
