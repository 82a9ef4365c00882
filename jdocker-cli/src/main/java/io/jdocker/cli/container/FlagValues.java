package io.jdocker.cli.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The docker CLI's parsing of container flag values (env, labels, restart, ulimits, mounts, …). */
public final class FlagValues {
  private FlagValues() {}

  /** {@code -e NAME} takes the value from the CLI's environment, as docker's ValidateEnv does. */
  public static String env(String value, Function<String, String> getenv) {
    if (value.indexOf('=') >= 0) {
      return value;
    }
    String v = getenv.apply(value);
    return v == null ? value : value + "=" + v;
  }

  /** Lines of {@code --env-file}s: blank lines and # comments skipped, bare names looked up. */
  public static List<String> readEnvFiles(List<String> files, Function<String, String> getenv) {
    List<String> out = new ArrayList<>();
    for (String line : lines(files)) {
      out.add(env(line, getenv));
    }
    return out;
  }

  public static List<String> readLabelFiles(List<String> files) {
    return lines(files);
  }

  private static List<String> lines(List<String> files) {
    List<String> out = new ArrayList<>();
    for (String file : files) {
      try {
        for (String line : Files.readAllLines(Path.of(file))) {
          String trimmed = line.stripLeading();
          if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
            out.add(trimmed);
          }
        }
      } catch (IOException e) {
        throw new IllegalArgumentException("open " + file + ": no such file or directory");
      }
    }
    return out;
  }

  /** {@code -v host:ctr[:opts]} is a bind when its source is a path; {@code -v /ctr} is an anonymous volume. */
  public static boolean isBind(String volume) {
    return volume.indexOf(':') > 0;
  }

  /** {@code k=v} options as a sorted map ({@code --log-opt}). */
  public static Map<String, Object> keyValues(List<String> values) {
    Map<String, Object> map = new TreeMap<>();
    for (String v : values) {
      int eq = v.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("invalid key/value pair format in logging opts");
      }
      map.put(v.substring(0, eq), v.substring(eq + 1));
    }
    return map;
  }

  /** {@code --restart no|always|unless-stopped|on-failure[:N]}. */
  public static Map<String, Object> restartPolicy(String text) {
    Map<String, Object> p = new LinkedHashMap<>();
    String name = text.isEmpty() ? "no" : text;
    long retries = 0;
    int colon = text.indexOf(':');
    if (colon >= 0) {
      name = text.substring(0, colon);
      if (name.isEmpty()) {
        throw new IllegalArgumentException("invalid restart policy format: no policy provided before colon");
      }
      try {
        retries = Long.parseLong(text.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("invalid restart policy format: maximum retry count must be an integer");
      }
    }
    p.put("Name", name);
    p.put("MaximumRetryCount", retries);
    return p;
  }

  /** Capabilities upper-cased with the {@code CAP_} prefix ("ALL" stays as is); null when none. */
  public static List<String> capabilities(List<String> caps) {
    if (caps.isEmpty()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (String c : caps) {
      String u = c.toUpperCase(Locale.ROOT);
      out.add(u.equals("ALL") || u.startsWith("CAP_") ? u : "CAP_" + u);
    }
    return out;
  }

  /** {@code --tmpfs /run:size=1m} as {"/run":"size=1m"}. */
  public static Map<String, Object> tmpfs(List<String> values) {
    Map<String, Object> map = new TreeMap<>();
    for (String v : values) {
      int colon = v.indexOf(':');
      map.put(colon < 0 ? v : v.substring(0, colon), colon < 0 ? "" : v.substring(colon + 1));
    }
    return map;
  }

  /** {@code --ulimit nofile=1024[:2048]} as [{"Name":…,"Hard":…,"Soft":…}]. */
  public static List<Object> ulimits(List<String> values) {
    List<Object> out = new ArrayList<>();
    for (String v : values) {
      int eq = v.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("invalid ulimit argument: " + v);
      }
      String[] limits = v.substring(eq + 1).split(":", -1);
      try {
        long soft = Long.parseLong(limits[0]);
        long hard = limits.length > 1 ? Long.parseLong(limits[1]) : soft;
        if (soft > hard) {
          throw new IllegalArgumentException("ulimit soft limit must be less than or equal to hard limit: " + soft + " > " + hard);
        }
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("Name", v.substring(0, eq));
        u.put("Hard", hard);
        u.put("Soft", soft);
        out.add(u);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("invalid ulimit argument: " + v);
      }
    }
    return out;
  }

  /** {@code --mount type=bind,src=/a,dst=/b,readonly}: the basic keys only. */
  public static List<Object> mounts(List<String> values) {
    List<Object> out = new ArrayList<>();
    for (String v : values) {
      String type = "volume";
      String source = null;
      String target = null;
      boolean readOnly = false;
      for (String field : v.split(",")) {
        int eq = field.indexOf('=');
        String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
        String value = eq < 0 ? null : field.substring(eq + 1);
        switch (key) {
          case "type" -> type = value;
          case "source", "src" -> source = value;
          case "target", "dst", "destination" -> target = value;
          case "readonly", "ro" -> readOnly = value == null || value.equals("1") || value.equalsIgnoreCase("true");
          default -> throw new IllegalArgumentException("unexpected key '" + key + "' in '" + field + "'");
        }
      }
      if (target == null) {
        throw new IllegalArgumentException("target is required");
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Type", type);
      if (source != null) {
        m.put("Source", source);
      }
      m.put("Target", target);
      if (readOnly) {
        m.put("ReadOnly", true);
      }
      out.add(m);
    }
    return out;
  }

  /** The all-empty EndpointSettings docker sends for the default network. */
  public static Map<String, Object> emptyEndpoint() {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("IPAMConfig", null);
    e.put("Links", null);
    e.put("Aliases", null);
    e.put("MacAddress", "");
    e.put("DriverOpts", null);
    e.put("GwPriority", 0L);
    for (String k : List.of("NetworkID", "EndpointID", "Gateway", "IPAddress")) {
      e.put(k, "");
    }
    e.put("IPPrefixLen", 0L);
    e.put("IPv6Gateway", "");
    e.put("GlobalIPv6Address", "");
    e.put("GlobalIPv6PrefixLen", 0L);
    e.put("DNSNames", null);
    return e;
  }
}
