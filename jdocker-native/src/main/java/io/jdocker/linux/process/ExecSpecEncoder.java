package io.jdocker.linux.process;

import io.jdocker.linux.ns.Namespace;
import java.util.stream.Collectors;

/** Encodes an {@link ExecSpec} for jdocker-init's exec mode ({@link SpecWriter}). */
final class ExecSpecEncoder {
  private ExecSpecEncoder() {}

  static byte[] encode(ExecSpec spec) {
    SpecWriter e = new SpecWriter();
    e.put("target", Integer.toString(spec.targetPid()));
    for (Namespace ns : Namespace.values()) {
      if (spec.namespaces().contains(ns)) {
        e.put("ns", ns.specName());
      }
    }
    spec.cgroupProcs().forEach(p -> e.put("cgroup", p.toString()));
    if (spec.capabilities() != null) {
      e.put("caps", spec.capabilities().stream().sorted()
          .map(c -> Integer.toString(c.number())).collect(Collectors.joining(",")));
    }
    ContainerSpec.Stdio stdio = spec.stdio();
    if (stdio.relay() != null) {
      throw new IllegalArgumentException("exec sessions have no relay: they need not outlive the daemon");
    }
    if (stdio.console() != null) {
      e.put("console", stdio.console().toString());
    } else if (stdio.tty()) {
      e.put("tty", "1");
    }
    if (stdio.outPath() != null) {
      e.put("stdout", stdio.outPath().toString());
    }
    if (stdio.errPath() != null) {
      e.put("stderr", stdio.errPath().toString());
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
