package io.jdocker.cli.format;

import java.util.List;

/**
 * The docker CLI's {@code --format} handling for lists: {@code table} (the default table),
 * {@code table TEMPLATE} (header row plus aligned rows), {@code json} ({@code {{json .}}} per row)
 * or a raw template per row. Errors carry docker's "template parsing error: " prefix.
 */
public final class OutputFormat {
  private OutputFormat() {}

  /**
   * Renders {@code rows}; {@code format} may be null or empty for {@code defaultTable}.
   * {@code header} maps each field to its column title.
   */
  public static String render(String format, String defaultTable, List<?> rows, Object header) {
    String effective = format == null || format.isEmpty() || format.equals("table") ? defaultTable : format;
    if (effective.equals("json")) {
      effective = "{{json .}}";
    }
    boolean table = effective.startsWith("table");
    String text = table ? effective.substring("table".length()) : effective;
    text = text.strip().replace("\\t", "\t").replace("\\n", "\n");
    if (table) {
      text = text.strip();
    }
    try {
      Template template = Template.parse(text);
      StringBuilder body = new StringBuilder();
      if (table) {
        body.append(template.executeHeader(header)).append('\n');
      }
      for (Object row : rows) {
        body.append(template.execute(row)).append('\n');
      }
      return table ? TabWriter.docker().format(body.toString()) : body.toString();
    } catch (TemplateException e) {
      throw new TemplateException("template parsing error: " + e.getMessage());
    }
  }
}
