package io.jdocker.linux.process;

import io.jdocker.linux.ns.Namespace;
import java.util.stream.Collectors;

/** Encodes a {@link ContainerSpec} in jdocker-init's wire format ({@link SpecWriter}). */
final class InitSpecEncoder {
  private InitSpecEncoder() {}

  static byte[] encode(ContainerSpec spec) {
    SpecWriter e = new SpecWriter();
    for (Namespace ns : Namespace.values()) {
      if (spec.namespaces().contains(ns)) {
        e.put("ns", ns.specName());
      }
    }
    switch (spec.rootfs()) {
      case null -> {}
      case ContainerSpec.Directory d -> e.put("rootfs", d.path().toString());
      case ContainerSpec.Overlay o -> {
        e.put("rootfs", o.target().toString());
        o.lowers().forEach(l -> e.put("lower", l.toString()));
        e.put("upper", o.upper().toString());
        e.put("work", o.work().toString());
      }
    }
    for (ContainerSpec.BindMount m : spec.mounts()) {
      e.string("mount");
      e.string(m.source().toString());
      e.string(m.destination());
      e.string(m.readOnly() ? "ro" : "rw");
    }
    ContainerSpec.Security security = spec.security();
    security.maskedPaths().forEach(p -> e.put("mask", p));
    security.readonlyPaths().forEach(p -> e.put("readonly", p));
    if (security.readOnlyRoot()) {
      e.put("readonly_root", "1");
    }
    if (security.capabilities() != null) {
      e.put("caps", security.capabilities().stream().sorted()
          .map(c -> Integer.toString(c.number())).collect(Collectors.joining(",")));
    }
    if (spec.stdio().tty()) {
      e.put("tty", "1");
    }
    if (spec.stdio().outPath() != null) {
      e.put("stdout", spec.stdio().outPath().toString());
    }
    if (spec.stdio().errPath() != null) {
      e.put("stderr", spec.stdio().errPath().toString());
    }
    if (spec.stdio().console() != null) {
      e.put("console", spec.stdio().console().toString());
    }
    ContainerSpec.Relay relay = spec.stdio().relay();
    if (relay != null) {
      if (relay.devpts() != null) {
        e.put("terminal", relay.devpts().toString());
        if (relay.rows() > 0 && relay.columns() > 0) {
          e.put("winsize", relay.rows() + " " + relay.columns());
        }
      }
      if (relay.stdin() != null) {
        e.put("stdin", relay.stdin().toString());
      }
      if (relay.ctl() != null) {
        e.put("ctl", relay.ctl().toString());
      }
    }
    if (spec.exitFile() != null) {
      e.put("exit_file", spec.exitFile().toString());
    }
    if (spec.hostname() != null) {
      e.put("hostname", spec.hostname());
    }
    if (spec.cwd() != null) {
      e.put("cwd", spec.cwd());
    }
    e.put("uid", Integer.toString(spec.uid()));
    e.put("gid", Integer.toString(spec.gid()));
    spec.groups().forEach(g -> e.put("group", Integer.toString(g)));
    spec.args().forEach(a -> e.put("arg", a));
    spec.env().forEach(v -> e.put("env", v));
    return e.finish();
  }
}
