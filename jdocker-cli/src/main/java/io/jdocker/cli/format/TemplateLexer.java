package io.jdocker.cli.format;

import java.util.ArrayList;
import java.util.List;

/** Splits the inside of one {{ }} action into tokens. */
final class TemplateLexer {
  private final String s;
  private final int base;
  private int i;

  TemplateLexer(String content, int base) {
    this.s = content;
    this.base = base;
  }

  List<TemplateToken> tokens() {
    List<TemplateToken> out = new ArrayList<>();
    while (i < s.length()) {
      char c = s.charAt(i);
      int start = i;
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '.' || c == '$') {
        i++;
        while (i < s.length() && (isWordChar(s.charAt(i)) || s.charAt(i) == '.')) {
          i++;
        }
        String text = s.substring(start, i);
        out.add(tok(c == '.' ? TemplateToken.Kind.FIELD : TemplateToken.Kind.VARIABLE, text, null, start));
      } else if (c == '"') {
        out.add(tok(TemplateToken.Kind.STRING, null, quoted(), start));
      } else if (c == '`') {
        int end = s.indexOf('`', i + 1);
        if (end < 0) {
          throw new TemplateException("template: :1: unterminated raw quoted string");
        }
        i = end + 1;
        out.add(tok(TemplateToken.Kind.STRING, s.substring(start, i), s.substring(start + 1, end), start));
      } else if (Character.isDigit(c) || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
        i++;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
          i++;
        }
        String text = s.substring(start, i);
        Object value = text.contains(".") ? (Object) Double.parseDouble(text) : (Object) Long.parseLong(text);
        out.add(tok(TemplateToken.Kind.NUMBER, text, value, start));
      } else if (isWordChar(c)) {
        while (i < s.length() && isWordChar(s.charAt(i))) {
          i++;
        }
        out.add(tok(TemplateToken.Kind.IDENT, s.substring(start, i), null, start));
      } else if (c == ':' && i + 1 < s.length() && s.charAt(i + 1) == '=') {
        i += 2;
        out.add(tok(TemplateToken.Kind.DECLARE, ":=", null, start));
      } else {
        i++;
        TemplateToken.Kind kind = switch (c) {
          case '|' -> TemplateToken.Kind.PIPE;
          case '(' -> TemplateToken.Kind.LPAREN;
          case ')' -> TemplateToken.Kind.RPAREN;
          case ',' -> TemplateToken.Kind.COMMA;
          default -> throw new TemplateException("template: :1: unexpected \"" + c + "\" in command");
        };
        out.add(tok(kind, String.valueOf(c), null, start));
      }
    }
    return out;
  }

  private TemplateToken tok(TemplateToken.Kind kind, String text, Object value, int start) {
    String t = text != null ? text : s.substring(start, i);
    return new TemplateToken(kind, t, value, base + start);
  }

  private String quoted() {
    StringBuilder sb = new StringBuilder();
    i++;
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (c == '"') {
        return sb.toString();
      }
      if (c == '\\' && i < s.length()) {
        char e = s.charAt(i++);
        sb.append(switch (e) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> e;
        });
      } else {
        sb.append(c);
      }
    }
    throw new TemplateException("template: :1: unterminated quoted string");
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
