package io.jdocker.cli.format;

import java.util.List;

/** The common verbs of Go's {@code fmt.Sprintf}: %v %s %d %q %t %f %x %%, with flags and width. */
final class GoPrintf {
  private GoPrintf() {}

  static String format(String format, List<Object> args) {
    StringBuilder out = new StringBuilder();
    int argIndex = 0;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      int start = i++;
      while (i < format.length() && "-+ #0".indexOf(format.charAt(i)) >= 0) {
        i++;
      }
      while (i < format.length() && (Character.isDigit(format.charAt(i)) || format.charAt(i) == '.')) {
        i++;
      }
      if (i >= format.length()) {
        out.append("%!(NOVERB)");
        break;
      }
      char verb = format.charAt(i);
      String spec = format.substring(start, i);
      if (verb == '%') {
        out.append('%');
        continue;
      }
      if (argIndex >= args.size()) {
        out.append("%!").append(verb).append("(MISSING)");
        continue;
      }
      Object arg = args.get(argIndex++);
      out.append(one(spec, verb, arg));
    }
    if (argIndex < args.size()) {
      out.append("%!(EXTRA ");
      for (int j = argIndex; j < args.size(); j++) {
        out.append(j > argIndex ? ", " : "").append(GoValues.typeName(args.get(j))).append('=').append(GoValues.print(args.get(j)));
      }
      out.append(')');
    }
    return out.toString();
  }

  private static String one(String spec, char verb, Object arg) {
    switch (verb) {
      case 'd':
        if (arg instanceof Number n) {
          return String.format(spec + "d", n.longValue());
        }
        break;
      case 'f', 'e', 'g':
        if (arg instanceof Number n) {
          return String.format(spec + verb, n.doubleValue());
        }
        break;
      case 'x', 'X':
        if (arg instanceof Number n) {
          return String.format(spec + verb, n.longValue());
        }
        if (arg instanceof String s) {
          StringBuilder hex = new StringBuilder();
          for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hex.append(String.format(verb == 'x' ? "%02x" : "%02X", b));
          }
          return String.format(spec + "s", hex);
        }
        break;
      case 'q':
        return String.format(spec + "s", io.jdocker.cli.json.JsonWriter.write(GoValues.print(arg), "", false));
      case 't':
        if (arg instanceof Boolean b) {
          return String.format(spec + "s", b);
        }
        break;
      case 's', 'v':
        return String.format(spec.replace("#", "").replace("+", "") + "s", GoValues.print(arg));
      default:
        break;
    }
    return "%!" + verb + "(" + GoValues.typeName(arg) + "=" + GoValues.print(arg) + ")";
  }
}
