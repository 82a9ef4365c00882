package io.jdocker.cli.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Walks a parsed template over JSON-shaped data (maps, lists, {@link TypedValue}s). */
final class TemplateExecutor {
  private static final Object NONE = new Object();
  private final String name;
  private final String source;
  private final MissingKey missingKey;
  private final TemplateFunctions functions;
  private final StringBuilder out = new StringBuilder();
  private final List<Map<String, Object>> scopes = new ArrayList<>();

  TemplateExecutor(String name, String source, MissingKey missingKey, boolean header) {
    this.name = name;
    this.source = source;
    this.missingKey = missingKey;
    this.functions = new TemplateFunctions(header);
  }

  String run(List<Node> nodes, Object data) {
    Map<String, Object> root = new HashMap<>();
    root.put("$", data);
    scopes.add(root);
    walk(nodes, data);
    return out.toString();
  }

  private void walk(List<Node> nodes, Object dot) {
    for (Node node : nodes) {
      switch (node) {
        case Node.Text text -> out.append(text.text());
        case Node.Action action -> {
          Object value = pipeline(action.pipeline(), dot);
          if (action.pipeline().declarations().isEmpty()) {
            out.append(GoValues.print(value));
          }
        }
        case Node.Branch branch -> branch(branch, dot);
      }
    }
  }

  private void branch(Node.Branch branch, Object dot) {
    scopes.add(new HashMap<>());
    try {
      Object value = branch.kind().equals("range") ? evalCommands(branch.pipeline(), dot) : pipeline(branch.pipeline(), dot);
      switch (branch.kind()) {
        case "if" -> walk(GoValues.truth(value) ? branch.body() : branch.elseBody(), dot);
        case "with" -> {
          if (GoValues.truth(value)) {
            walk(branch.body(), value);
          } else {
            walk(branch.elseBody(), dot);
          }
        }
        default -> range(branch, value, dot);
      }
    } finally {
      scopes.removeLast();
    }
  }

  private void range(Node.Branch branch, Object value, Object dot) {
    List<String> vars = branch.pipeline().declarations();
    List<Map.Entry<Object, Object>> items = new ArrayList<>();
    switch (value) {
      case List<?> list -> {
        for (int i = 0; i < list.size(); i++) {
          items.add(Map.entry((Object) (long) i, list.get(i) == null ? NONE : list.get(i)));
        }
      }
      case Map<?, ?> map -> new TreeMap<>(map).forEach((k, v) -> items.add(Map.entry(k, v == null ? NONE : v)));
      case null -> {}
      default -> {
        if (value != GoValues.NO_VALUE) {
          throw execError(branch.pipeline().pos(), branch.pipeline().pos(), "range can't iterate over " + GoValues.print(value));
        }
      }
    }
    if (items.isEmpty()) {
      walk(branch.elseBody(), dot);
      return;
    }
    for (Map.Entry<Object, Object> item : items) {
      Object element = item.getValue() == NONE ? null : item.getValue();
      if (vars.size() == 1) {
        scopes.getLast().put(vars.getFirst(), element);
      } else if (vars.size() == 2) {
        scopes.getLast().put(vars.get(0), item.getKey());
        scopes.getLast().put(vars.get(1), element);
      }
      walk(branch.body(), element);
    }
  }

  private Object pipeline(Node.Pipeline pipeline, Object dot) {
    Object value = evalCommands(pipeline, dot);
    for (String var : pipeline.declarations()) {
      scopes.getLast().put(var, value);
    }
    return value;
  }

  private Object evalCommands(Node.Pipeline pipeline, Object dot) {
    Object value = NONE;
    for (Node.Command command : pipeline.commands()) {
      value = command(command, dot, value);
    }
    return value;
  }

  private Object command(Node.Command command, Object dot, Object piped) {
    Node.Arg first = command.args().getFirst();
    if (first instanceof Node.Identifier fn) {
      List<Object> args = new ArrayList<>();
      for (Node.Arg arg : command.args().subList(1, command.args().size())) {
        args.add(arg(arg, dot));
      }
      if (piped != NONE) {
        args.add(piped);
      }
      try {
        return functions.call(fn.name(), args);
      } catch (TemplateException e) {
        throw execError(fn.pos(), fn.pos(), "error calling " + fn.name() + ": " + e.getMessage());
      }
    }
    if (first instanceof Node.Field method && command.args().size() > 1
        && field(method, dot) instanceof java.util.function.Function<?, ?> fn) {
      // A formatter method that takes arguments, like docker's {{.Label "key"}}.
      @SuppressWarnings("unchecked")
      java.util.function.Function<Object, Object> call = (java.util.function.Function<Object, Object>) fn;
      return call.apply(arg(command.args().get(1), dot));
    }
    if (command.args().size() > 1 || piped != NONE) {
      throw execError(first.pos(), first.pos(), "can't give argument to non-function " + first.source());
    }
    return arg(first, dot);
  }

  private Object arg(Node.Arg arg, Object dot) {
    return switch (arg) {
      case Node.Literal lit -> lit.value();
      case Node.Nested nested -> fields(evalCommands(nested.pipeline(), dot), nested.names(), nested.pos(), nested.source());
      case Node.Identifier fn -> command(new Node.Command(List.of(fn), fn.pos()), dot, NONE);
      case Node.Field field -> field(field, dot);
    };
  }

  private Object field(Node.Field field, Object dot) {
    Object value = field.receiver().equals(".") ? dot : variable(field);
    return fields(value, field.names(), field.pos(), field.source());
  }

  /** Go reports a failed field at the position of the chain's last element. */
  private Object fields(Object value, List<String> names, int pos, String source) {
    Node.Field field = new Node.Field(".", names, pos + source.lastIndexOf('.'), source);
    for (String key : names) {
      value = switch (value) {
        case TypedValue typed -> {
          if (!typed.has(key)) {
            throw fieldError(field, "can't evaluate field " + key + " in type " + typed.goType());
          }
          yield typed.get(key);
        }
        case Map<?, ?> map -> {
          if (map.containsKey(key)) {
            yield map.get(key);
          }
          yield switch (missingKey) {
            case ERROR -> throw fieldError(field, "map has no entry for key \"" + key + "\"");
            case EMPTY -> "";
            case NO_VALUE -> GoValues.NO_VALUE;
          };
        }
        case null -> throw fieldError(field, "nil pointer evaluating interface {}." + key);
        default -> {
          if (value == GoValues.NO_VALUE) {
            throw fieldError(field, "nil pointer evaluating interface {}." + key);
          }
          throw fieldError(field, "can't evaluate field " + key + " in type " + GoValues.typeName(value));
        }
      };
    }
    return value;
  }

  private Object variable(Node.Field field) {
    for (int i = scopes.size() - 1; i >= 0; i--) {
      if (scopes.get(i).containsKey(field.receiver())) {
        return scopes.get(i).get(field.receiver());
      }
    }
    throw new TemplateException("template: :1: undefined variable \"" + field.receiver() + "\"");
  }

  private TemplateException fieldError(Node.Field field, String message) {
    // field.pos() already points at the last element; see fields().
    return execError(field.pos(), field.pos(), message, field.source());
  }

  private TemplateException execError(int pos, int sourcePos, String message) {
    return execError(pos, sourcePos, message, sourceAt(sourcePos));
  }

  private TemplateException execError(int pos, int sourcePos, String message, String nodeText) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < Math.min(pos, source.length()); i++) {
      if (source.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new TemplateException(
        "template: " + name + ":" + line + ":" + (pos - lineStart) + ": executing \"" + name + "\" at <"
            + nodeText + ">: " + message);
  }

  private String sourceAt(int pos) {
    int end = source.indexOf("}}", pos);
    String text = end < 0 ? source.substring(pos) : source.substring(pos, end);
    return text.strip().replaceFirst("\\s*-$", "");
  }
}
