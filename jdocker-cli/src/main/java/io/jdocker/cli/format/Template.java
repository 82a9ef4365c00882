package io.jdocker.cli.format;

import java.util.List;

/**
 * A parsed Go template ({@code text/template} subset) with docker's functions. Thread-safe and
 * reusable. {@link MissingKey} decides what a missing map key gives.
 */
public final class Template {
  private final String name;
  private final String source;
  private final List<Node> nodes;
  private final MissingKey missingKey;

  private Template(String name, String source, List<Node> nodes, MissingKey missingKey) {
    this.name = name;
    this.source = source;
    this.nodes = nodes;
    this.missingKey = missingKey;
  }

  public static Template parse(String source) {
    return parse("", source, MissingKey.NO_VALUE);
  }

  public static Template parse(String name, String source, MissingKey missingKey) {
    try {
      List<Node> nodes = new TemplateParser(source, TemplateFunctions.NAMES).parse();
      return new Template(name, source, nodes, missingKey);
    } catch (TemplateException e) {
      if (name.isEmpty()) {
        throw e;
      }
      throw new TemplateException(e.getMessage().replaceFirst("^template: :", "template: " + name + ":"));
    }
  }

  /** Runs the template on {@code data}. */
  public String execute(Object data) {
    return new TemplateExecutor(name, source, missingKey, false).run(nodes, data);
  }

  /** Runs the template for a table header: docker's string functions pass their argument through. */
  public String executeHeader(Object header) {
    return new TemplateExecutor(name, source, missingKey, true).run(nodes, header);
  }
}
