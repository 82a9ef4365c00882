package io.jdocker.daemon.api.system;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jdocker.daemon.api.ApiVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /version} (spec: SystemVersion), in dockerd's field order. */
public record SystemVersion(
    @JsonProperty("Platform") Platform platform,
    @JsonProperty("Components") List<Component> components,
    @JsonProperty("Version") String version,
    @JsonProperty("ApiVersion") String apiVersion,
    @JsonProperty("MinAPIVersion") String minApiVersion,
    @JsonProperty("GitCommit") String gitCommit,
    @JsonProperty("GoVersion") String goVersion,
    @JsonProperty("Os") String os,
    @JsonProperty("Arch") String arch,
    @JsonProperty("KernelVersion") String kernelVersion,
    @JsonProperty("BuildTime") String buildTime) {

  public record Platform(@JsonProperty("Name") String name) {}

  public record Component(
      @JsonProperty("Name") String name,
      @JsonProperty("Version") String version,
      @JsonProperty("Details") Map<String, String> details) {}

  /** The runtime is the JVM; Go's field carries its version, as Podman reports its own stack. */
  public static SystemVersion of(DaemonFacts daemon, HostFacts host) {
    String runtime = "java" + Runtime.version();
    Map<String, String> details = new LinkedHashMap<>();
    details.put("ApiVersion", ApiVersion.MAX.toString());
    details.put("Arch", "amd64");
    details.put("BuildTime", daemon.buildTime());
    details.put("Experimental", "false");
    details.put("GitCommit", daemon.gitCommit());
    details.put("GoVersion", runtime);
    details.put("KernelVersion", host.kernelVersion());
    details.put("MinAPIVersion", ApiVersion.MIN.toString());
    details.put("Os", "linux");
    return new SystemVersion(
        new Platform("jdocker"),
        List.of(new Component("Engine", daemon.version(), details)),
        daemon.version(),
        ApiVersion.MAX.toString(),
        ApiVersion.MIN.toString(),
        daemon.gitCommit(),
        runtime,
        "linux",
        "amd64",
        host.kernelVersion(),
        daemon.buildTime());
  }
}
