package io.jdocker.daemon.engine.containers;

import io.jdocker.daemon.api.types.container.ContainerConfig;
import io.jdocker.daemon.api.types.container.ContainerCreateRequest;
import io.jdocker.daemon.api.types.container.ContainerCreateResponse;
import io.jdocker.daemon.api.types.container.HostConfig;
import io.jdocker.daemon.container.BindSpec;
import io.jdocker.daemon.container.ConfigMerger;
import io.jdocker.daemon.container.Container;
import io.jdocker.daemon.container.ContainerId;
import io.jdocker.daemon.container.ContainerLayout;
import io.jdocker.daemon.container.ContainerPaths;
import io.jdocker.daemon.container.HostConfigDefaults;
import io.jdocker.daemon.container.ResourceValidator;
import io.jdocker.daemon.container.RestartPolicies;
import io.jdocker.daemon.container.TmpfsSpec;
import io.jdocker.daemon.logs.LogConfig;
import io.jdocker.daemon.runtime.NetworkMode;
import io.jdocker.errdefs.InvalidParameterException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * docker create, in dockerd's order: resolve the image (404 "No such image" lets {@code docker
 * run} pull), reserve the name (409), merge the image config, validate (400), apply HostConfig
 * defaults, persist. A failure after the name is reserved gives the name back.
 */
final class ContainerCreator {
  private final Engine engine;
  private final ImageSource images;
  private final int cpus;
  private final boolean cgroupV2;
  private final Supplier<String> hostHostname;

  ContainerCreator(Engine engine, ImageSource images, int cpus, boolean cgroupV2, Supplier<String> hostHostname) {
    this.engine = engine;
    this.images = images;
    this.cpus = cpus;
    this.cgroupV2 = cgroupV2;
    this.hostHostname = hostHostname;
  }

  ContainerCreateResponse create(String name, ContainerCreateRequest request) {
    ContainerConfig config = request.config();
    if (config.image() == null || config.image().isEmpty()) {
      throw new InvalidParameterException("No image was specified");
    }
    ImageSource.Image image = images.resolve(config.image());
    ContainerId id = ContainerId.random();
    String reserved = name == null || name.isEmpty()
        ? engine.store().reserveGeneratedName(id)
        : reserve(name, id);
    try {
      Container c = build(id, reserved, request, image);
      List<String> warnings = new ArrayList<>(ResourceValidator.validate(c.hostConfig(), cpus));
      engine.locks().run(id, () -> engine.commit(c));
      engine.events().publish(c, "create");
      return new ContainerCreateResponse(id.value(), warnings);
    } catch (RuntimeException e) {
      engine.store().releaseName(reserved, id);
      throw e;
    }
  }

  private String reserve(String name, ContainerId id) {
    engine.store().reserveName(name, id);
    return name.startsWith("/") ? name.substring(1) : name;
  }

  private Container build(ContainerId id, String name, ContainerCreateRequest request, ImageSource.Image image) {
    ContainerConfig merged = ConfigMerger.merge(request.config(), image.config());
    HostConfig h = request.hostConfig();
    RestartPolicies.validate(h.restartPolicy(), h.autoRemove());
    BindSpec.parseAll(h.bindsOrEmpty());
    TmpfsSpec.parseAll(h.tmpfsOrEmpty());
    NetworkMode network = NetworkMode.parse(h.networkMode());
    if (!h.logConfig().type().isEmpty() && !h.logConfig().type().equals("json-file")) {
      throw new InvalidParameterException("logging driver \"" + h.logConfig().type() + "\" is not supported");
    }
    LogConfig.fromOptions(h.logConfig().config());
    h = HostConfigDefaults.apply(h, cgroupV2);
    if (merged.hostname().isEmpty()) {
      merged = merged.withHostname(network == NetworkMode.HOST ? hostHostname.get() : id.shortId());
    }
    ConfigMerger.Command command = ConfigMerger.command(merged);
    return new Container(id, name, Instant.now(), command.path(), command.args(), merged, h,
        request.networkingConfig(), image.id(), image.layerDirs(), null, paths(id), null, null);
  }

  /** Overlay dirs and network files live in {@code rootfs/<id>} (the runtime's dir), the rest in {@code containers/<id>}. */
  private ContainerPaths paths(ContainerId id) {
    ContainerLayout layout = engine.states().layout();
    ContainerPaths base = layout.pathsOf(id);
    Path rootfs = layout.rootfsDir().resolve(id.value());
    return new ContainerPaths(base.root(), rootfs.resolve("upper"), rootfs.resolve("work"), rootfs.resolve("merged"),
        rootfs.resolve("hostname"), rootfs.resolve("hosts"), rootfs.resolve("resolv.conf"), base.logPath());
  }
}
