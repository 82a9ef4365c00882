package io.jdocker.daemon.container;

import io.jdocker.daemon.api.types.container.ContainerConfig;
import io.jdocker.errdefs.InvalidParameterException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges an image's config into a create request the way dockerd's {@code merge} and
 * {@code mergeAndVerifyConfig} do, then checks what dockerd checks at create time.
 */
public final class ConfigMerger {
  private ConfigMerger() {}

  /**
   * The config the container keeps (and inspect shows).
   *
   * <ul>
   *   <li>User, WorkingDir, StopSignal: the request's unless empty.
   *   <li>Env: the request's entries, then the image's entries whose key the request does not set.
   *   <li>Labels, ExposedPorts, Volumes: union, the request winning on equal keys.
   *   <li>Entrypoint/Cmd: an entrypoint in the request drops the image's Cmd; otherwise an empty
   *       Cmd takes the image's; {@code --entrypoint ""} ([""]) clears the entrypoint.
   * </ul>
   *
   * @throws InvalidParameterException "No command specified" when neither is left
   */
  public static ContainerConfig merge(ContainerConfig request, io.jdocker.image.oci.ContainerConfig image) {
    io.jdocker.image.oci.ContainerConfig img = image == null ? io.jdocker.image.oci.ContainerConfig.empty() : image;
    String user = request.user().isEmpty() ? nz(img.user()) : request.user();

    Map<String, Object> exposed = request.exposedPorts();
    if (exposed == null || exposed.isEmpty()) {
      exposed = img.exposedPorts();
    } else if (img.exposedPorts() != null) {
      exposed = new LinkedHashMap<>(exposed);
      for (Map.Entry<String, Object> e : img.exposedPorts().entrySet()) {
        exposed.putIfAbsent(e.getKey(), e.getValue());
      }
    }

    List<String> env = mergeEnv(request.env(), img.env());

    Map<String, String> labels = new LinkedHashMap<>(request.labelsOrEmpty());
    img.labelsOrEmpty().forEach(labels::putIfAbsent);

    List<String> cmd = request.cmd();
    List<String> entrypoint = request.entrypoint();
    boolean argsEscaped = request.argsEscaped();
    if (entrypoint == null || entrypoint.isEmpty()) {
      if (cmd == null || cmd.isEmpty()) {
        cmd = img.cmd();
        argsEscaped = Boolean.TRUE.equals(img.extra().get("ArgsEscaped"));
      }
      if (entrypoint == null) {
        entrypoint = img.entrypoint();
      }
    }
    if (entrypoint != null && entrypoint.size() == 1 && entrypoint.getFirst().isEmpty()) {
      entrypoint = null;
    }
    if ((entrypoint == null || entrypoint.isEmpty()) && (cmd == null || cmd.isEmpty())) {
      throw new InvalidParameterException("No command specified");
    }

    Map<String, Object> healthcheck = request.healthcheck();
    if (healthcheck == null && img.extra().get("Healthcheck") instanceof Map<?, ?> h) {
      @SuppressWarnings("unchecked")
      Map<String, Object> fromImage = (Map<String, Object>) h;
      healthcheck = fromImage;
    }

    String workingDir = request.workingDir().isEmpty() ? nz(img.workingDir()) : request.workingDir();

    Map<String, Object> volumes = request.volumes();
    if (volumes == null || volumes.isEmpty()) {
      volumes = img.volumes();
    } else if (img.volumes() != null) {
      volumes = new LinkedHashMap<>(volumes);
      volumes.putAll(img.volumes());
    }

    String stopSignal = request.stopSignal().isEmpty() ? nz(img.stopSignal()) : request.stopSignal();
    ContainerConfig merged = request.withMerged(user, exposed, env, cmd, entrypoint, healthcheck, argsEscaped, volumes,
        workingDir, labels, stopSignal);
    verify(merged);
    return merged;
  }

  /** dockerd's create-time checks of the merged config. */
  static void verify(ContainerConfig config) {
    if (!config.workingDir().isEmpty() && !config.workingDir().startsWith("/")) {
      throw new InvalidParameterException(
          "the working directory '" + config.workingDir() + "' is invalid, it needs to be an absolute path");
    }
    if (!config.stopSignal().isEmpty()) {
      Signals.parse(config.stopSignal());
    }
    for (String e : config.envOrEmpty()) {
      if (e.isEmpty() || e.startsWith("=")) {
        throw new InvalidParameterException("invalid environment variable: " + e);
      }
    }
    if (config.stopTimeout() != null && config.stopTimeout() < -1) {
      throw new InvalidParameterException("invalid stop timeout: " + config.stopTimeout());
    }
  }

  static List<String> mergeEnv(List<String> request, List<String> image) {
    if (request == null || request.isEmpty()) {
      return image;
    }
    List<String> env = new ArrayList<>(request);
    if (image != null) {
      for (String imageEnv : image) {
        String key = key(imageEnv);
        if (request.stream().noneMatch(r -> key(r).equals(key))) {
          env.add(imageEnv);
        }
      }
    }
    return env;
  }

  static String key(String envEntry) {
    int eq = envEntry.indexOf('=');
    return eq < 0 ? envEntry : envEntry.substring(0, eq);
  }

  /** The process to run: {@code Path} is the first word of Entrypoint+Cmd, {@code Args} the rest. */
  public static Command command(ContainerConfig merged) {
    List<String> words = new ArrayList<>();
    if (merged.entrypoint() != null) {
      words.addAll(merged.entrypoint());
    }
    if (merged.cmd() != null) {
      words.addAll(merged.cmd());
    }
    if (words.isEmpty()) {
      throw new InvalidParameterException("No command specified");
    }
    return new Command(words.getFirst(), List.copyOf(words.subList(1, words.size())));
  }

  /** {@code Path} and {@code Args} of container inspect. */
  public record Command(String path, List<String> args) {
    public List<String> argv() {
      List<String> all = new ArrayList<>(args.size() + 1);
      all.add(path);
      all.addAll(args);
      return all;
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
