package io.jdocker.cli.format;

/** A Go-template parse or execution error, worded like Go's text/template. */
public final class TemplateException extends RuntimeException {
  public TemplateException(String message) {
    super(message);
  }
}
