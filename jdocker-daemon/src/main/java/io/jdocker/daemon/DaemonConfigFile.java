package io.jdocker.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jdocker.daemon.api.ApiJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * daemon.json with dockerd's key names, as far as jdockerd uses them. Absent keys are empty
 * Optionals; unknown keys are logged and ignored (they may be dockerd options we lack).
 */
public record DaemonConfigFile(
    Optional<List<String>> hosts,
    Optional<String> dataRoot,
    Optional<String> execRoot,
    Optional<String> pidfile,
    Optional<String> logLevel,
    Optional<Boolean> debug,
    List<String> insecureRegistries,
    List<String> registryMirrors,
    Set<String> keys) {

  private static final Logger LOG = LoggerFactory.getLogger(DaemonConfigFile.class);
  static final Set<String> KNOWN_KEYS = Set.of("hosts", "data-root", "exec-root", "pidfile",
      "log-level", "debug", "insecure-registries", "registry-mirrors");

  public static final DaemonConfigFile NONE = new DaemonConfigFile(Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), Set.of());

  /** Reads {@code file}; a missing file is {@link #NONE} unless {@code required}. */
  public static DaemonConfigFile load(Path file, boolean required) throws ConfigException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      if (required) {
        throw new ConfigException("config file " + file + " does not exist");
      }
      return NONE;
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
    }
    return parse(file.toString(), text);
  }

  static DaemonConfigFile parse(String source, String text) throws ConfigException {
    if (text.isBlank()) {
      return NONE;
    }
    JsonNode root;
    try {
      root = ApiJson.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new ConfigException("config file " + source + " is not valid JSON: " + e.getOriginalMessage()
          + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new ConfigException("config file " + source + " must hold a JSON object");
    }
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      if (!KNOWN_KEYS.contains(field.getKey())) {
        LOG.warn("config file {}: option \"{}\" is not supported by jdockerd and is ignored", source,
            field.getKey());
      }
    }
    Reader r = new Reader(source, root);
    return new DaemonConfigFile(
        r.has("hosts") ? Optional.of(r.strings("hosts")) : Optional.empty(),
        r.string("data-root"),
        r.string("exec-root"),
        r.string("pidfile"),
        r.string("log-level"),
        r.bool("debug"),
        r.has("insecure-registries") ? r.strings("insecure-registries") : List.of(),
        r.has("registry-mirrors") ? r.strings("registry-mirrors") : List.of(),
        Set.copyOf(iterable(root.fieldNames())));
  }

  private static List<String> iterable(java.util.Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }

  private record Reader(String source, JsonNode root) {
    boolean has(String key) {
      return root.has(key) && !root.get(key).isNull();
    }

    Optional<String> string(String key) throws ConfigException {
      if (!has(key)) {
        return Optional.empty();
      }
      JsonNode node = root.get(key);
      if (!node.isTextual()) {
        throw wrongType(key, "a string", node);
      }
      return Optional.of(node.asText());
    }

    Optional<Boolean> bool(String key) throws ConfigException {
      if (!has(key)) {
        return Optional.empty();
      }
      JsonNode node = root.get(key);
      if (!node.isBoolean()) {
        throw wrongType(key, "true or false", node);
      }
      return Optional.of(node.asBoolean());
    }

    List<String> strings(String key) throws ConfigException {
      JsonNode node = root.get(key);
      if (!node.isArray()) {
        throw wrongType(key, "a list of strings", node);
      }
      List<String> values = new ArrayList<>();
      for (JsonNode item : node) {
        if (!item.isTextual()) {
          throw wrongType(key, "a list of strings", node);
        }
        values.add(item.asText());
      }
      return List.copyOf(values);
    }

    private ConfigException wrongType(String key, String expected, JsonNode actual) {
      return new ConfigException("config file " + source + ": \"" + key + "\" must be " + expected
          + ", got " + actual);
    }
  }
}
