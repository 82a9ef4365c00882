package io.jdocker.cli.command;

import io.jdocker.cli.container.PortSpecs;
import io.jdocker.cli.container.Sizes;
import io.jdocker.cli.container.FlagValues;
import io.jdocker.cli.tty.WindowSize;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The {@code POST /containers/create} body exactly as the docker CLI 28 sends it: every key of
 * Config and HostConfig in Go's field order, zero values included, maps sorted.
 */
final class CreateBody {
  /** The parsed request; {@code body} is ready for JSON, the rest steers run's attach logic. */
  record Request(String image, String name, String platform, Map<String, Object> body,
      boolean tty, boolean stdin, boolean stdout, boolean stderr, boolean autoRemove) {}

  private CreateBody() {}

  /**
   * Builds the request for {@code args} (IMAGE [COMMAND] [ARG...]); {@code detach} clears the
   * attach flags as {@code run -d} does; {@code consoleSize} is stdout's terminal size, which docker
   * sends whether or not {@code -t} is given. Bad values throw {@link FlagError}.
   */
  static Request build(ContainerFlags f, List<String> args, boolean detach, Function<String, String> getenv,
      WindowSize consoleSize) {
    String image = args.getFirst();
    List<String> cmd = args.size() > 1 ? List.copyOf(args.subList(1, args.size())) : null;
    boolean stdin = f.interactive.value();
    List<String> attach = Flag.all(f.attach);
    boolean attachStdin = contains(attach, "stdin") || stdin;
    boolean attachStdout = attach.isEmpty() || contains(attach, "stdout");
    boolean attachStderr = attach.isEmpty() || contains(attach, "stderr");
    for (String a : attach) {
      String s = a.toLowerCase(java.util.Locale.ROOT);
      if (!s.equals("stdin") && !s.equals("stdout") && !s.equals("stderr")) {
        throw new FlagError("-a, --attach", a, "valid streams are STDIN, STDOUT and STDERR");
      }
    }
    if (detach) {
      attachStdin = attachStdout = attachStderr = false;
    }
    PortSpecs ports = new PortSpecs();
    for (String p : Flag.all(f.publish)) {
      ports.publish(p);
    }
    for (String e : Flag.all(f.expose)) {
      ports.expose(e);
    }
    List<String> envs = new ArrayList<>(FlagValues.readEnvFiles(Flag.all(f.envFile), getenv));
    Flag.all(f.env).forEach(e -> envs.add(FlagValues.env(e, getenv)));
    Map<String, Object> labels = new TreeMap<>();
    List<String> labelLines = new ArrayList<>(FlagValues.readLabelFiles(Flag.all(f.labelFile)));
    labelLines.addAll(Flag.all(f.label));
    for (String l : labelLines) {
      int eq = l.indexOf('=');
      labels.put(eq < 0 ? l : l.substring(0, eq), eq < 0 ? "" : l.substring(eq + 1));
    }
    List<String> binds = new ArrayList<>();
    Map<String, Object> volumes = new TreeMap<>();
    for (String v : Flag.all(f.volume)) {
      if (FlagValues.isBind(v)) {
        binds.add(v);
      } else {
        volumes.put(v, new LinkedHashMap<>());
      }
    }
    String network = f.network.value() == null ? "default" : f.network.value();

    Map<String, Object> c = new LinkedHashMap<>();
    c.put("Hostname", orEmpty(f.hostname.value()));
    c.put("Domainname", "");
    c.put("User", orEmpty(f.user.value()));
    c.put("AttachStdin", attachStdin);
    c.put("AttachStdout", attachStdout);
    c.put("AttachStderr", attachStderr);
    if (!ports.exposed().isEmpty()) {
      c.put("ExposedPorts", ports.exposed());
    }
    c.put("Tty", f.tty.value());
    c.put("OpenStdin", stdin);
    c.put("StdinOnce", stdin && attachStdin);
    c.put("Env", envs.isEmpty() ? null : envs);
    c.put("Cmd", cmd);
    c.put("Image", image);
    c.put("Volumes", volumes);
    c.put("WorkingDir", orEmpty(f.workdir.value()));
    String ep = f.entrypoint.value();
    c.put("Entrypoint", ep == null ? null : List.of(ep));
    c.put("OnBuild", null);
    c.put("Labels", labels);
    if (f.stopSignal.value() != null && !f.stopSignal.value().isEmpty()) {
      c.put("StopSignal", f.stopSignal.value());
    }
    if (f.stopTimeout.value() != null) {
      c.put("StopTimeout", integer("--stop-timeout", f.stopTimeout.value()));
    }
    c.put("HostConfig", hostConfig(f, binds, ports, network, consoleSize));
    Map<String, Object> endpoints = new LinkedHashMap<>();
    if (f.network.value() == null) {
      endpoints.put("default", FlagValues.emptyEndpoint());
    }
    c.put("NetworkingConfig", Map.of("EndpointsConfig", endpoints));
    return new Request(image, f.name.value(), f.platform.value(), c, f.tty.value(), attachStdin, attachStdout,
        attachStderr, f.rm.value());
  }

  private static Map<String, Object> hostConfig(ContainerFlags f, List<String> binds, PortSpecs ports, String network,
      WindowSize consoleSize) {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("Binds", binds.isEmpty() ? null : binds);
    h.put("ContainerIDFile", "");
    Map<String, Object> logConfig = new LinkedHashMap<>();
    logConfig.put("Type", orEmpty(f.logDriver.value()));
    logConfig.put("Config", FlagValues.keyValues(Flag.all(f.logOpt)));
    h.put("LogConfig", logConfig);
    h.put("NetworkMode", network);
    h.put("PortBindings", ports.bindings());
    h.put("RestartPolicy", FlagValues.restartPolicy(orEmpty(f.restart.value())));
    h.put("AutoRemove", f.rm.value());
    h.put("VolumeDriver", "");
    h.put("VolumesFrom", null);
    h.put("ConsoleSize", List.of((long) consoleSize.rows(), (long) consoleSize.cols()));
    h.put("CapAdd", FlagValues.capabilities(Flag.all(f.capAdd)));
    h.put("CapDrop", FlagValues.capabilities(Flag.all(f.capDrop)));
    h.put("CgroupnsMode", "");
    h.put("Dns", Flag.all(f.dns));
    h.put("DnsOptions", Flag.all(f.dnsOption));
    h.put("DnsSearch", Flag.all(f.dnsSearch));
    h.put("ExtraHosts", nullIfEmpty(Flag.all(f.addHost)));
    h.put("GroupAdd", null);
    h.put("IpcMode", "");
    h.put("Cgroup", "");
    h.put("Links", null);
    h.put("OomScoreAdj", 0L);
    h.put("PidMode", "");
    h.put("Privileged", f.privileged.value());
    h.put("PublishAllPorts", f.publishAll.value());
    h.put("ReadonlyRootfs", f.readOnly.value());
    h.put("SecurityOpt", nullIfEmpty(Flag.all(f.securityOpt)));
    if (!Flag.all(f.tmpfs).isEmpty()) {
      h.put("Tmpfs", FlagValues.tmpfs(Flag.all(f.tmpfs)));
    }
    h.put("UTSMode", "");
    h.put("UsernsMode", "");
    h.put("ShmSize", f.shmSize.value() == null ? 0L : size("--shm-size", f.shmSize.value(), Sizes::ramInBytes));
    h.put("Isolation", "");
    h.put("CpuShares", f.cpuShares.value() == null ? 0L : integer("-c, --cpu-shares", f.cpuShares.value()));
    h.put("Memory", f.memory.value() == null ? 0L : size("-m, --memory", f.memory.value(), Sizes::ramInBytes));
    h.put("NanoCpus", f.cpus.value() == null ? 0L : size("--cpus", f.cpus.value(), Sizes::nanoCpus));
    h.put("CgroupParent", "");
    h.put("BlkioWeight", 0L);
    for (String k : List.of("BlkioWeightDevice", "BlkioDeviceReadBps", "BlkioDeviceWriteBps", "BlkioDeviceReadIOps",
        "BlkioDeviceWriteIOps")) {
      h.put(k, List.of());
    }
    for (String k : List.of("CpuPeriod", "CpuQuota", "CpuRealtimePeriod", "CpuRealtimeRuntime")) {
      h.put(k, 0L);
    }
    h.put("CpusetCpus", orEmpty(f.cpusetCpus.value()));
    h.put("CpusetMems", "");
    h.put("Devices", List.of());
    h.put("DeviceCgroupRules", null);
    h.put("DeviceRequests", null);
    h.put("MemoryReservation", 0L);
    h.put("MemorySwap", f.memorySwap.value() == null ? 0L : size("--memory-swap", f.memorySwap.value(), Sizes::memorySwap));
    h.put("MemorySwappiness", -1L);
    h.put("OomKillDisable", false);
    h.put("PidsLimit", f.pidsLimit.value() == null ? 0L : integer("--pids-limit", f.pidsLimit.value()));
    h.put("Ulimits", FlagValues.ulimits(Flag.all(f.ulimit)));
    for (String k : List.of("CpuCount", "CpuPercent", "IOMaximumIOps", "IOMaximumBandwidth")) {
      h.put(k, 0L);
    }
    if (!Flag.all(f.mount).isEmpty()) {
      h.put("Mounts", FlagValues.mounts(Flag.all(f.mount)));
    }
    h.put("MaskedPaths", null);
    h.put("ReadonlyPaths", null);
    if (f.init.option().getValue() != null && f.init.option().originalStringValues().size() > 0) {
      h.put("Init", f.init.value());
    }
    return h;
  }

  private static long size(String flag, String value, java.util.function.ToLongFunction<String> parser) {
    try {
      return parser.applyAsLong(value);
    } catch (IllegalArgumentException e) {
      throw new FlagError(flag, value, e.getMessage());
    }
  }

  private static long integer(String flag, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new FlagError(flag, value, "strconv.ParseInt: parsing \"" + value + "\": invalid syntax");
    }
  }

  private static boolean contains(List<String> values, String wanted) {
    return values.stream().anyMatch(v -> v.equalsIgnoreCase(wanted));
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static <T> List<T> nullIfEmpty(List<T> list) {
    return list.isEmpty() ? null : list;
  }

  /** {@code invalid argument "12x" for "-m, --memory" flag: invalid suffix: 'x'}. */
  static final class FlagError extends IllegalArgumentException {
    FlagError(String flag, String value, String reason) {
      super("invalid argument \"" + value + "\" for \"" + flag + "\" flag: " + reason);
    }
  }
}
