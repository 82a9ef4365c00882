package io.jdocker.image.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.image.oci.ContainerConfig;
import io.jdocker.image.oci.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Applies {@code --change} Dockerfile instructions (import, commit) to a container config, as
 * dockerd's {@code BuildFromConfig} does: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, USER, WORKDIR,
 * VOLUME, STOPSIGNAL, ONBUILD, in JSON or shell form. Anything else is refused naming it.
 */
public final class ConfigChanges {
  private static final Set<String> VALID =
      Set.of("CMD", "ENTRYPOINT", "ENV", "EXPOSE", "LABEL", "USER", "WORKDIR", "VOLUME", "STOPSIGNAL", "ONBUILD");

  private ConfigChanges() {}

  public static ContainerConfig apply(ContainerConfig base, List<String> changes) {
    MutableConfig c = new MutableConfig(base);
    boolean cmdSet = false;
    for (String change : changes) {
      for (String line : change.split("\\r?\\n")) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        int space = indexOfWhitespace(trimmed);
        String keyword = (space < 0 ? trimmed : trimmed.substring(0, space)).toUpperCase(Locale.ROOT);
        String args = space < 0 ? "" : trimmed.substring(space).strip();
        if (!VALID.contains(keyword)) {
          throw new InvalidParameterException(keyword + " is not a valid change command");
        }
        switch (keyword) {
          case "CMD" -> {
            c.cmd = commandForm(keyword, args);
            cmdSet = true;
          }
          case "ENTRYPOINT" -> {
            c.entrypoint = commandForm(keyword, args);
            if (!cmdSet) {
              c.cmd = null;
            }
          }
          case "ENV" -> KeyValues.parse(keyword, args).forEach(c::setEnv);
          case "LABEL" -> c.labels.putAll(KeyValues.parse(keyword, args));
          case "EXPOSE" -> ExposedPorts.parse(args).forEach(p -> c.exposedPorts.put(p, Map.of()));
          case "USER" -> c.user = single(keyword, args);
          case "WORKDIR" -> c.workingDir = workdir(c.workingDir, single(keyword, args));
          case "VOLUME" -> volumes(args).forEach(v -> c.volumes.put(v, Map.of()));
          case "STOPSIGNAL" -> c.stopSignal = Signals.validate(single(keyword, args));
          case "ONBUILD" -> c.onBuild.add(onBuild(args));
          default -> throw new IllegalStateException(keyword);
        }
      }
    }
    return c.build();
  }

  private static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** JSON array form when it parses as an array of strings, shell form otherwise (as Docker). */
  static List<String> commandForm(String keyword, String args) {
    if (args.isEmpty()) {
      throw new InvalidParameterException(keyword + " requires at least one argument");
    }
    List<String> json = jsonArray(args);
    return json != null ? json : List.of("/bin/sh", "-c", args);
  }

  private static List<String> jsonArray(String args) {
    if (!args.startsWith("[")) {
      return null;
    }
    try {
      JsonNode node = Json.MAPPER.readTree(args);
      if (node == null || !node.isArray()) {
        return null;
      }
      List<String> out = new ArrayList<>();
      for (JsonNode n : node) {
        if (!n.isTextual()) {
          return null;
        }
        out.add(n.asText());
      }
      return out;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private static String single(String keyword, String args) {
    List<String> words = KeyValues.words(args);
    if (words.size() != 1) {
      throw new InvalidParameterException(keyword + " requires exactly one argument");
    }
    return words.getFirst();
  }

  private static String workdir(String current, String dir) {
    if (dir.startsWith("/")) {
      return dir;
    }
    String base = current == null || current.isEmpty() ? "/" : current;
    return java.nio.file.Path.of(base).resolve(dir).normalize().toString();
  }

  private static List<String> volumes(String args) {
    List<String> json = jsonArray(args);
    List<String> list = json != null ? json : KeyValues.words(args);
    if (list.isEmpty()) {
      throw new InvalidParameterException("VOLUME requires at least one argument");
    }
    for (String v : list) {
      if (v.isBlank()) {
        throw new InvalidParameterException("VOLUME specified can not be an empty string");
      }
    }
    return list;
  }

  private static String onBuild(String args) {
    if (args.isEmpty()) {
      throw new InvalidParameterException("ONBUILD requires at least one argument");
    }
    int space = indexOfWhitespace(args);
    String trigger = (space < 0 ? args : args.substring(0, space)).toUpperCase(Locale.ROOT);
    switch (trigger) {
      case "ONBUILD" -> throw new InvalidParameterException("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
      case "FROM", "MAINTAINER" -> throw new InvalidParameterException(trigger + " isn't allowed as an ONBUILD trigger");
      default -> {
        return trigger + (space < 0 ? "" : args.substring(space));
      }
    }
  }

  /** The config under edit; collections are copied so the base stays untouched. */
  private static final class MutableConfig {
    private final ContainerConfig base;
    String user;
    List<String> env;
    List<String> cmd;
    List<String> entrypoint;
    String workingDir;
    String stopSignal;
    final Map<String, Object> exposedPorts;
    final Map<String, Object> volumes;
    final Map<String, String> labels;
    final List<String> onBuild;

    MutableConfig(ContainerConfig base) {
      this.base = base;
      user = base.user();
      env = base.env() == null ? new ArrayList<>() : new ArrayList<>(base.env());
      cmd = base.cmd();
      entrypoint = base.entrypoint();
      workingDir = base.workingDir();
      stopSignal = base.stopSignal();
      exposedPorts = base.exposedPorts() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(base.exposedPorts());
      volumes = base.volumes() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(base.volumes());
      labels = base.labels() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(base.labels());
      onBuild = base.onBuild() == null ? new ArrayList<>() : new ArrayList<>(base.onBuild());
    }

    void setEnv(String key, String value) {
      env.removeIf(e -> e.equals(key) || e.startsWith(key + "="));
      env.add(key + "=" + value);
    }

    ContainerConfig build() {
      return new ContainerConfig(user, exposedPorts.isEmpty() ? null : exposedPorts, env.isEmpty() ? null : env,
          entrypoint, cmd, volumes.isEmpty() ? null : volumes, workingDir, labels.isEmpty() ? null : labels,
          onBuild.isEmpty() ? null : onBuild, stopSignal, new LinkedHashMap<>(base.extra()));
    }
  }
}
