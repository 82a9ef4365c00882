package io.jdocker.linux.process;

import io.jdocker.linux.ns.Namespace;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Encodes a {@link ContainerSpec} in jdocker-init's wire format (see jdocker-init.c): a big-endian
 * u32 length, then NUL-terminated "key", "value" strings, ending with an empty key.
 */
final class InitSpecEncoder {
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  private InitSpecEncoder() {}

  static byte[] encode(ContainerSpec spec) {
    InitSpecEncoder e = new InitSpecEncoder();
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
    e.string("");
    byte[] bytes = e.body.toByteArray();
    return ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length).put(bytes).array();
  }

  private void put(String key, String value) {
    string(key);
    string(value);
  }

  private void string(String s) {
    if (s.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("NUL byte in container spec value: " + s.replace('\0', '?'));
    }
    body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    body.write(0);
  }
}
