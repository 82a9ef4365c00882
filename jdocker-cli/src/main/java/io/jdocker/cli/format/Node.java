package io.jdocker.cli.format;

import java.util.List;

/** The parse tree of a Go template. {@code pos} is the byte offset in the source, for errors. */
sealed interface Node {
  record Text(String text) implements Node {}

  record Action(Pipeline pipeline) implements Node {}

  /** {@code kind} is "if", "range" or "with". */
  record Branch(String kind, Pipeline pipeline, List<Node> body, List<Node> elseBody) implements Node {}

  record Pipeline(List<String> declarations, List<Command> commands, int pos) {}

  record Command(List<Arg> args, int pos) {}

  sealed interface Arg {
    int pos();

    String source();
  }

  /** {@code .A.B}, {@code $x.A} or {@code .}: receiver is "." or a variable name. */
  record Field(String receiver, List<String> names, int pos, String source) implements Arg {}

  record Identifier(String name, int pos, String source) implements Arg {}

  record Literal(Object value, int pos, String source) implements Arg {}

  /** {@code (pipeline)} optionally followed by field names: {@code (index .Mounts 0).Source}. */
  record Nested(Pipeline pipeline, List<String> names, int pos, String source) implements Arg {}
}
