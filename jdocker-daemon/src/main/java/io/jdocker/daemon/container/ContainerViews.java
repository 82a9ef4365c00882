package io.jdocker.daemon.container;

import io.jdocker.daemon.api.types.container.ContainerInspectResponse;
import io.jdocker.daemon.api.types.container.ContainerSummary;
import io.jdocker.daemon.api.types.container.EndpointSettings;
import io.jdocker.daemon.api.types.container.GraphDriverData;
import io.jdocker.daemon.api.types.container.InspectState;
import io.jdocker.daemon.api.types.container.MountPoint;
import io.jdocker.daemon.api.types.container.NetworkSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the API's views of a {@link Container}: inspect and the {@code ps} entry. Network
 * addresses are not known here; the engine passes the endpoints it has (or none, and the
 * network mode's name is listed without addresses, as dockerd does for a created container).
 */
public final class ContainerViews {
  private ContainerViews() {}

  /** SizeRw and SizeRootFs, only computed for {@code ?size=1}; {@link #NONE} leaves them out. */
  public record Sizes(Long rw, Long rootFs) {
    public static final Sizes NONE = new Sizes(null, null);
  }

  public static ContainerInspectResponse inspect(Container c, Map<String, EndpointSettings> endpoints, List<String> execIds) {
    return inspect(c, endpoints, execIds, Sizes.NONE);
  }

  public static ContainerInspectResponse inspect(Container c, Map<String, EndpointSettings> endpoints,
      List<String> execIds, Sizes sizes) {
    ContainerState s = c.state();
    InspectState state = new InspectState(s.status().wireName(), s.isRunning(), s.status() == ContainerStatus.PAUSED,
        s.status() == ContainerStatus.RESTARTING, s.oomKilled(), s.status() == ContainerStatus.DEAD, s.pid(),
        s.exitCode(), s.error(), GoTime.format(s.startedAt()), GoTime.format(s.finishedAt()));
    ContainerPaths p = c.paths();
    Map<String, EndpointSettings> networks = networks(c, endpoints);
    return new ContainerInspectResponse(c.id().value(), GoTime.format(c.created()), c.path(), c.args(), state,
        c.imageId(), str(p == null ? null : p.resolvConfPath()), str(p == null ? null : p.hostnamePath()),
        str(p == null ? null : p.hostsPath()), str(p == null ? null : p.logPath()), c.displayName(),
        s.restartCount(), c.driver(), c.platform(), "", "", "", execIds, c.hostConfig(), graphDriver(c), sizes.rw(), sizes.rootFs(),
        mounts(c), c.config(), NetworkSettings.unaddressed("", networks));
  }

  public static ContainerSummary summary(Container c, Instant now, Map<String, EndpointSettings> endpoints) {
    return summary(c, now, endpoints, Sizes.NONE);
  }

  public static ContainerSummary summary(Container c, Instant now, Map<String, EndpointSettings> endpoints,
      Sizes sizes) {
    String mode = c.hostConfig().networkMode();
    return new ContainerSummary(c.id().value(), List.of(c.displayName()), c.config().image(), c.imageId(),
        commandLine(c), c.created().getEpochSecond(), List.of(), sizes.rw(), sizes.rootFs(),
        c.config().labels() == null ? Map.of() : c.config().labels(), c.state().status().wireName(),
        StatusText.of(c.state(), now),
        new ContainerSummary.SummaryHostConfig(mode.isEmpty() ? "default" : mode, null),
        new ContainerSummary.SummaryNetworkSettings(networks(c, endpoints)), mounts(c));
  }

  /** ps's {@code Command}: Path and Args, an argument holding a space in single quotes. */
  static String commandLine(Container c) {
    if (c.args().isEmpty()) {
      return c.path();
    }
    List<String> words = new ArrayList<>();
    for (String arg : c.args()) {
      words.add(arg.contains(" ") ? "'" + arg + "'" : arg);
    }
    return c.path() + " " + String.join(" ", words);
  }

  static List<MountPoint> mounts(Container c) {
    List<MountPoint> out = new ArrayList<>();
    for (BindSpec b : BindSpec.parseAll(c.hostConfig().bindsOrEmpty())) {
      out.add(b.volume()
          ? new MountPoint("volume", b.source(), "", b.destination(), "local", b.mode(), !b.readOnly(), "")
          : new MountPoint("bind", "", b.source(), b.destination(), "", b.mode(), !b.readOnly(), b.propagation()));
    }
    return out;
  }

  private static Map<String, EndpointSettings> networks(Container c, Map<String, EndpointSettings> endpoints) {
    if (endpoints != null && !endpoints.isEmpty()) {
      return endpoints;
    }
    String mode = c.hostConfig().networkMode();
    String name = mode.isEmpty() || mode.equals("default") ? "bridge" : mode;
    Map<String, EndpointSettings> out = new LinkedHashMap<>();
    out.put(name, EndpointSettings.unattached(""));
    return out;
  }

  private static GraphDriverData graphDriver(Container c) {
    Map<String, String> data = new LinkedHashMap<>();
    if (!c.lowerDirs().isEmpty()) {
      data.put("LowerDir", String.join(":", c.lowerDirs()));
    }
    if (c.paths() != null) {
      data.put("MergedDir", c.paths().mergedDir().toString());
      data.put("UpperDir", c.paths().upperDir().toString());
      data.put("WorkDir", c.paths().workDir().toString());
    }
    return new GraphDriverData(data, c.driver());
  }

  private static String str(Object o) {
    return o == null ? "" : o.toString();
  }
}
