package io.jdocker.cli.config;

import io.jdocker.cli.CliException;
import io.jdocker.cli.json.JsonException;
import io.jdocker.cli.json.JsonReader;
import io.jdocker.cli.json.JsonWriter;
import io.jdocker.cli.model.JsonFields;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The docker CLI's {@code config.json}, shared with it: registry credentials under {@code "auths"}
 * (docker's file credential store; credential helpers are not run). Keys this CLI does not know
 * are written back unchanged, and saving replaces the file atomically, new files with mode 0600.
 */
public final class DockerConfigFile {
  private final Path file;
  private final Map<String, Object> document;
  private final boolean readable;

  private DockerConfigFile(Path file, Map<String, Object> document, boolean readable) {
    this.file = file;
    this.document = document;
    this.readable = readable;
  }

  /** The directory docker uses: {@code --config}, else {@code $DOCKER_CONFIG}, else {@code ~/.docker}. */
  public static Path directory(String configFlag, Map<String, String> env) {
    if (configFlag != null && !configFlag.isEmpty()) {
      return Path.of(configFlag);
    }
    String fromEnv = env.get("DOCKER_CONFIG");
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return Path.of(fromEnv);
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".docker");
  }

  /** Reads {@code dir/config.json}; a missing file is empty, an unreadable one is reported on {@code err} as docker does. */
  public static DockerConfigFile load(Path dir, PrintStream err) {
    Path file = dir.resolve("config.json");
    if (!Files.exists(file)) {
      return new DockerConfigFile(file, new LinkedHashMap<>(), true);
    }
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Object parsed = text.isBlank() ? Map.of() : JsonReader.parse(text);
      if (!(parsed instanceof Map<?, ?>)) {
        throw new JsonException("not a JSON object");
      }
      DockerConfigFile config = new DockerConfigFile(file, new LinkedHashMap<>(JsonFields.object(parsed)), true);
      config.auths().forEach((key, entry) -> AuthConfig.fromEntry(key, JsonFields.object(entry)));
      return config;
    } catch (IOException | RuntimeException e) {
      err.println("WARNING: Error parsing config file (" + file + "): " + e.getMessage());
      return new DockerConfigFile(file, new LinkedHashMap<>(), false);
    }
  }

  public Path file() {
    return file;
  }

  /**
   * The credentials stored for {@code server}, or {@link AuthConfig#EMPTY}. Older CLIs stored
   * URLs ({@code http://host:5000}); an entry whose host matches is used too.
   */
  public AuthConfig auth(String server) {
    Map<String, Object> auths = auths();
    if (auths.containsKey(server)) {
      return AuthConfig.fromEntry(server, JsonFields.object(auths.get(server)));
    }
    for (Map.Entry<String, Object> e : auths.entrySet()) {
      if (server.equals(Registries.hostname(e.getKey()))) {
        return AuthConfig.fromEntry(e.getKey(), JsonFields.object(e.getValue()));
      }
    }
    return AuthConfig.EMPTY;
  }

  /**
   * Stores {@code auth} under its server address and saves the file; false when that entry already
   * held exactly these credentials, which docker does not write again.
   */
  public boolean store(AuthConfig auth) {
    Map<String, Object> auths = auths();
    Object old = auths.get(auth.serverAddress());
    if (old != null && AuthConfig.fromEntry(auth.serverAddress(), JsonFields.object(old)).equals(auth)) {
      return false;
    }
    auths.put(auth.serverAddress(), auth.toEntry());
    save(auths);
    return true;
  }

  /** Removes the entries of {@code servers}; saves only when one existed. */
  public void erase(Iterable<String> servers) {
    Map<String, Object> auths = auths();
    boolean changed = false;
    for (String server : servers) {
      changed |= auths.remove(server) != null;
    }
    if (changed) {
      save(auths);
    }
  }

  private Map<String, Object> auths() {
    return new TreeMap<>(JsonFields.object(document.get("auths")));
  }

  /** "auths" first, with its keys sorted (Go marshals the struct field first and maps sorted), then the rest. */
  private void save(Map<String, Object> auths) {
    if (!readable) {
      throw new CliException("Error saving credentials: " + file + " could not be parsed; not overwriting it");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("auths", auths);
    document.forEach((k, v) -> out.putIfAbsent(k, v));
    document.clear();
    document.putAll(out);
    try {
      writeAtomically(JsonWriter.write(out, "\t", true));
    } catch (IOException e) {
      throw new CliException("Error saving credentials: " + e.getMessage());
    }
  }

  private void writeAtomically(String text) throws IOException {
    Path target = Files.exists(file) ? file.toRealPath() : file;
    Path dir = target.getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    // createTempFile makes the file 0600; an existing config keeps its own mode.
    Path temp = Files.createTempFile(dir, target.getFileName().toString(), null);
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      if (Files.exists(target)) {
        Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }
}
