package io.jdocker.cli.format;

import io.jdocker.cli.model.JsonFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The human output of {@code docker info}: the Client and Server sections docker prints. */
public final class InfoView {
  private final StringBuilder sb = new StringBuilder();

  private InfoView() {}

  public static String client(Map<String, Object> client) {
    return "Client:\n Version:    " + client.get("Version") + "\n Context:    " + client.get("Context")
        + "\n Debug Mode: " + client.get("Debug") + "\n";
  }

  public static String server(Map<String, Object> info) {
    InfoView v = new InfoView();
    v.render(info);
    return v.sb.toString();
  }

  private void render(Map<String, Object> i) {
    sb.append("Server:\n");
    line(" Containers: ", num(i, "Containers"));
    line("  Running: ", num(i, "ContainersRunning"));
    line("  Paused: ", num(i, "ContainersPaused"));
    line("  Stopped: ", num(i, "ContainersStopped"));
    line(" Images: ", num(i, "Images"));
    line(" Server Version: ", str(i, "ServerVersion"));
    line(" Storage Driver: ", str(i, "Driver"));
    pairs(i.get("DriverStatus"), "  ");
    line(" Logging Driver: ", str(i, "LoggingDriver"));
    line(" Cgroup Driver: ", str(i, "CgroupDriver"));
    line(" Cgroup Version: ", str(i, "CgroupVersion"));
    Map<String, Object> plugins = JsonFields.object(i.get("Plugins"));
    sb.append(" Plugins:\n");
    list("  Volume: ", plugins, "Volume");
    list("  Network: ", plugins, "Network");
    if (!JsonFields.strings(plugins, "Authorization").isEmpty()) {
      list("  Authorization: ", plugins, "Authorization");
    }
    list("  Log: ", plugins, "Log");
    Map<String, Object> swarm = JsonFields.object(i.get("Swarm"));
    line(" Swarm: ", str(swarm, "LocalNodeState"));
    line(" Runtimes: ", String.join(" ", new TreeMap<>(JsonFields.object(i.get("Runtimes"))).keySet()));
    line(" Default Runtime: ", str(i, "DefaultRuntime"));
    line(" Init Binary: ", str(i, "InitBinary"));
    line(" containerd version: ", str(JsonFields.object(i.get("ContainerdCommit")), "ID"));
    line(" runc version: ", str(JsonFields.object(i.get("RuncCommit")), "ID"));
    line(" init version: ", str(JsonFields.object(i.get("InitCommit")), "ID"));
    securityOptions(JsonFields.strings(i, "SecurityOptions"));
    line(" Kernel Version: ", str(i, "KernelVersion"));
    line(" Operating System: ", str(i, "OperatingSystem"));
    line(" OSType: ", str(i, "OSType"));
    line(" Architecture: ", str(i, "Architecture"));
    line(" CPUs: ", num(i, "NCPU"));
    line(" Total Memory: ", Units.bytesSize(JsonFields.number(i, "MemTotal", 0)));
    line(" Name: ", str(i, "Name"));
    line(" ID: ", str(i, "ID"));
    line(" Docker Root Dir: ", str(i, "DockerRootDir"));
    line(" Debug Mode: ", String.valueOf(JsonFields.bool(i, "Debug")));
    List<String> labels = JsonFields.strings(i, "Labels");
    if (!labels.isEmpty()) {
      sb.append(" Labels:\n");
      labels.forEach(l -> sb.append("  ").append(l).append('\n'));
    }
    line(" Experimental: ", String.valueOf(JsonFields.bool(i, "ExperimentalBuild")));
    registries(JsonFields.object(i.get("RegistryConfig")));
    line(" Live Restore Enabled: ", String.valueOf(JsonFields.bool(i, "LiveRestoreEnabled")));
    sb.append('\n');
  }

  /** The daemon's warnings, which docker prints to stderr after the info. */
  public static List<String> warnings(Map<String, Object> info) {
    return JsonFields.strings(info, "Warnings");
  }

  private void securityOptions(List<String> options) {
    if (options.isEmpty()) {
      return;
    }
    sb.append(" Security Options:\n");
    for (String option : options) {
      String name = option;
      List<String> extra = new ArrayList<>();
      for (String kv : option.split(",")) {
        String[] p = kv.split("=", 2);
        if (p.length == 2 && p[0].equals("name")) {
          name = p[1];
        } else if (p.length == 2) {
          extra.add("   " + Character.toUpperCase(p[0].charAt(0)) + p[0].substring(1) + ": " + p[1]);
        }
      }
      sb.append("  ").append(name).append('\n');
      extra.forEach(e -> sb.append(e).append('\n'));
    }
  }

  private void registries(Map<String, Object> registry) {
    List<String> insecure = new ArrayList<>();
    new TreeMap<>(JsonFields.object(registry.get("IndexConfigs"))).forEach((name, cfg) -> {
      if (!JsonFields.bool(JsonFields.object(cfg), "Secure")) {
        insecure.add(name);
      }
    });
    insecure.addAll(JsonFields.strings(registry, "InsecureRegistryCIDRs"));
    if (!insecure.isEmpty()) {
      sb.append(" Insecure Registries:\n");
      insecure.forEach(r -> sb.append("  ").append(r).append('\n'));
    }
    List<String> mirrors = JsonFields.strings(registry, "Mirrors");
    if (!mirrors.isEmpty()) {
      sb.append(" Registry Mirrors:\n");
      mirrors.forEach(m -> sb.append("  ").append(m).append('\n'));
    }
  }

  private void pairs(Object list, String indent) {
    if (list instanceof List<?> rows) {
      for (Object row : rows) {
        if (row instanceof List<?> pair && pair.size() == 2) {
          sb.append(indent).append(pair.get(0)).append(": ").append(pair.get(1)).append('\n');
        }
      }
    }
  }

  private void list(String label, Map<String, Object> map, String key) {
    line(label, String.join(" ", JsonFields.strings(map, key)));
  }

  private void line(String label, String value) {
    sb.append(label).append(value).append('\n');
  }

  private static String str(Map<String, Object> map, String key) {
    return JsonFields.string(map, key);
  }

  private static String num(Map<String, Object> map, String key) {
    return String.valueOf(JsonFields.number(map, key, 0));
  }
}
