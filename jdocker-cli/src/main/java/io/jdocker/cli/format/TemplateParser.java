package io.jdocker.cli.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses the subset of Go's text/template that docker's --format users write. */
final class TemplateParser {
  private static final Set<String> KEYWORDS = Set.of("if", "range", "with", "else", "end");
  private final String src;
  private final Set<String> functions;
  private int pos;
  private List<TemplateToken> tokens;
  private int t;
  private int actionStart;

  TemplateParser(String src, Set<String> functions) {
    this.src = src;
    this.functions = functions;
  }

  List<Node> parse() {
    List<Node> nodes = new ArrayList<>();
    String end = parseList(nodes);
    if (end != null) {
      throw error("unexpected {{" + end + "}}");
    }
    return nodes;
  }

  /** Parses until EOF (returns null) or an {{else}}/{{end}} (returns its keyword). */
  private String parseList(List<Node> into) {
    while (pos < src.length()) {
      int open = src.indexOf("{{", pos);
      if (open < 0) {
        into.add(new Node.Text(src.substring(pos)));
        pos = src.length();
        break;
      }
      String text = src.substring(pos, open);
      boolean trimLeft = src.startsWith("{{- ", open);
      if (trimLeft) {
        text = text.stripTrailing();
      }
      if (!text.isEmpty()) {
        into.add(new Node.Text(text));
      }
      actionStart = open;
      int contentStart = open + (trimLeft ? 3 : 2);
      int close = findClose(contentStart);
      boolean trimRight = close - 2 >= contentStart && src.startsWith(" -", close - 2);
      String content = src.substring(contentStart, trimRight ? close - 2 : close);
      pos = close + 2;
      if (trimRight) {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
          pos++;
        }
      }
      if (content.strip().startsWith("/*")) {
        continue;
      }
      tokens = new TemplateLexer(content, contentStart).tokens();
      t = 0;
      if (tokens.isEmpty()) {
        throw error("missing value for command");
      }
      TemplateToken first = tokens.getFirst();
      if (first.kind() == TemplateToken.Kind.IDENT && KEYWORDS.contains(first.text())) {
        String keyword = first.text();
        t++;
        switch (keyword) {
          case "end" -> {
            return "end";
          }
          case "else" -> {
            return "else";
          }
          default -> into.add(parseBranch(keyword));
        }
      } else {
        into.add(new Node.Action(parsePipeline(true)));
      }
    }
    return null;
  }

  private Node.Branch parseBranch(String kind) {
    Node.Pipeline pipeline = parsePipeline(kind.equals("range"));
    List<Node> body = new ArrayList<>();
    String end = parseList(body);
    List<Node> elseBody = new ArrayList<>();
    if ("else".equals(end)) {
      if (t < tokens.size() && tokens.get(t).text().equals("if")) {
        t++;
        elseBody.add(parseBranch("if"));
        return new Node.Branch(kind, pipeline, body, elseBody);
      }
      end = parseList(elseBody);
    }
    if (!"end".equals(end)) {
      throw error("unexpected EOF");
    }
    return new Node.Branch(kind, pipeline, body, elseBody);
  }

  private Node.Pipeline parsePipeline(boolean allowDeclarations) {
    List<String> declarations = new ArrayList<>();
    int start = tokens.isEmpty() ? actionStart : tokens.get(t < tokens.size() ? t : 0).pos();
    {
      int look = t;
      List<String> vars = new ArrayList<>();
      while (look < tokens.size() && tokens.get(look).kind() == TemplateToken.Kind.VARIABLE) {
        vars.add(tokens.get(look).text());
        look++;
        if (look < tokens.size() && tokens.get(look).kind() == TemplateToken.Kind.COMMA) {
          look++;
          continue;
        }
        break;
      }
      if (!vars.isEmpty() && look < tokens.size() && tokens.get(look).kind() == TemplateToken.Kind.DECLARE) {
        declarations.addAll(vars);
        t = look + 1;
      }
    }
    List<Node.Command> commands = new ArrayList<>();
    while (true) {
      commands.add(parseCommand());
      if (t < tokens.size() && tokens.get(t).kind() == TemplateToken.Kind.PIPE) {
        t++;
        continue;
      }
      break;
    }
    if (t < tokens.size() && tokens.get(t).kind() != TemplateToken.Kind.RPAREN) {
      throw error("unexpected \"" + tokens.get(t).text() + "\" in command");
    }
    return new Node.Pipeline(declarations, commands, start);
  }

  private Node.Command parseCommand() {
    List<Node.Arg> args = new ArrayList<>();
    int start = t < tokens.size() ? tokens.get(t).pos() : actionStart;
    while (t < tokens.size()) {
      TemplateToken tok = tokens.get(t);
      if (tok.kind() == TemplateToken.Kind.PIPE || tok.kind() == TemplateToken.Kind.RPAREN) {
        break;
      }
      args.add(parseOperand());
    }
    if (args.isEmpty()) {
      throw error("missing value for command");
    }
    return new Node.Command(args, start);
  }

  private Node.Arg parseOperand() {
    TemplateToken tok = tokens.get(t++);
    return switch (tok.kind()) {
      case FIELD -> new Node.Field(".", fieldNames(tok.text()), tok.pos(), tok.text());
      case VARIABLE -> {
        int dot = tok.text().indexOf('.', 1);
        String name = dot < 0 ? tok.text() : tok.text().substring(0, dot);
        List<String> names = dot < 0 ? List.of() : fieldNames(tok.text().substring(dot));
        yield new Node.Field(name, names, tok.pos(), tok.text());
      }
      case STRING -> new Node.Literal(tok.value(), tok.pos(), tok.text());
      case NUMBER -> new Node.Literal(tok.value(), tok.pos(), tok.text());
      case IDENT -> switch (tok.text()) {
        case "true" -> new Node.Literal(Boolean.TRUE, tok.pos(), tok.text());
        case "false" -> new Node.Literal(Boolean.FALSE, tok.pos(), tok.text());
        case "nil" -> new Node.Literal(null, tok.pos(), tok.text());
        default -> {
          if (!functions.contains(tok.text())) {
            throw error("function \"" + tok.text() + "\" not defined");
          }
          yield new Node.Identifier(tok.text(), tok.pos(), tok.text());
        }
      };
      case LPAREN -> {
        Node.Pipeline inner = parsePipeline(false);
        if (t >= tokens.size() || tokens.get(t).kind() != TemplateToken.Kind.RPAREN) {
          throw error("unclosed left paren");
        }
        TemplateToken close = tokens.get(t++);
        List<String> names = List.of();
        if (t < tokens.size() && tokens.get(t).kind() == TemplateToken.Kind.FIELD && tokens.get(t).pos() == close.pos() + 1) {
          names = fieldNames(tokens.get(t++).text());
        }
        int end = close.pos() + 1 + names.stream().mapToInt(n -> n.length() + 1).sum();
        yield new Node.Nested(inner, names, tok.pos(), src.substring(tok.pos(), end));
      }
      default -> throw error("unexpected \"" + tok.text() + "\" in operand");
    };
  }

  private static List<String> fieldNames(String chain) {
    if (chain.equals(".")) {
      return List.of();
    }
    return List.of(chain.substring(1).split("\\."));
  }

  private int findClose(int from) {
    int i = from;
    char quote = 0;
    while (i < src.length()) {
      char c = src.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote == '"') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '`') {
        quote = c;
      } else if (src.startsWith("}}", i)) {
        return i;
      }
      i++;
    }
    throw error("unclosed action");
  }

  private TemplateException error(String message) {
    int line = 1;
    for (int i = 0; i < Math.min(actionStart, src.length()); i++) {
      if (src.charAt(i) == '\n') {
        line++;
      }
    }
    return new TemplateException("template: :" + line + ": " + message);
  }
}
