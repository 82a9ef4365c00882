package io.jdocker.cli.format;

/** One lexical item inside {{ }}; {@code pos} is the byte offset in the whole template. */
record TemplateToken(Kind kind, String text, Object value, int pos) {
  enum Kind { FIELD, VARIABLE, IDENT, STRING, NUMBER, PIPE, LPAREN, RPAREN, DECLARE, COMMA }
}
