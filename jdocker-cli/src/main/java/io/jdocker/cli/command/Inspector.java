package io.jdocker.cli.command;

import io.jdocker.cli.CliException;
import io.jdocker.cli.client.ApiClient;
import io.jdocker.cli.client.DaemonException;
import io.jdocker.cli.client.Query;
import io.jdocker.cli.format.MissingKey;
import io.jdocker.cli.format.Template;
import io.jdocker.cli.format.TemplateException;
import io.jdocker.cli.json.JsonWriter;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The docker CLI's inspect: looks each name up through {@code kinds} in order (moving on only
 * after a 404), prints the objects as a 4-space-indented JSON array or through a template,
 * reports each miss as "No such object" (or the kind's own message) and fails if any missed.
 */
final class Inspector {
  enum Kind {
    CONTAINER("container", "/containers/%s/json"),
    IMAGE("image", "/images/%s/json"),
    NETWORK("network", "/networks/%s"),
    VOLUME("volume", "/volumes/%s"),
    PLUGIN("plugin", "/plugins/%s/json");

    final String word;
    final String path;

    Kind(String word, String path) {
      this.word = word;
      this.path = path;
    }
  }

  private final ApiClient client;
  private final List<Kind> kinds;
  private final boolean size;

  Inspector(ApiClient client, List<Kind> kinds, boolean size) {
    this.client = client;
    this.kinds = kinds;
    this.size = size;
  }

  /** Returns the exit status. */
  int run(List<String> names, String format, PrintStream out, PrintStream err) {
    Template template = null;
    if (format != null && !format.isEmpty() && !format.equals("json")) {
      try {
        template = Template.parse("", format.replace("\\t", "\t").replace("\\n", "\n"), MissingKey.ERROR);
      } catch (TemplateException e) {
        throw new CliException("template parsing error: " + e.getMessage());
      }
    }
    List<Object> found = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (String name : names) {
      try {
        Object object = lookup(name);
        if (template == null) {
          found.add(object);
        } else {
          out.println(template.execute(object));
        }
      } catch (DaemonException e) {
        errors.add(e.isNotFound() && kinds.size() > 1 ? "Error: No such object: " + name : "Error response from daemon: " + e.getMessage());
      } catch (TemplateException e) {
        errors.add("template parsing error: " + e.getMessage());
      }
    }
    if (template == null) {
      out.println(JsonWriter.write(found, "    ", true));
    }
    errors.forEach(err::println);
    return errors.isEmpty() ? 0 : 1;
  }

  private Object lookup(String name) {
    DaemonException last = null;
    for (Kind kind : kinds) {
      try {
        Query query = kind == Kind.CONTAINER ? Query.of().flag("size", size) : null;
        return client.getJson(String.format(kind.path, name), query);
      } catch (DaemonException e) {
        if (!e.isNotFound() && !e.getMessage().contains("not supported") && !e.getMessage().contains("invalid reference format")) {
          throw e;
        }
        last = e;
      }
    }
    throw last;
  }
}
