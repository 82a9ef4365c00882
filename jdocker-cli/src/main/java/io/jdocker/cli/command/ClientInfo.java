package io.jdocker.cli.command;

import io.jdocker.cli.client.ApiVersion;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the CLI reports about itself in {@code version} and {@code info}. */
final class ClientInfo {
  static final String VERSION = "0.1.0";

  private ClientInfo() {}

  static Map<String, Object> version(String negotiatedApi) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("Version", VERSION);
    c.put("ApiVersion", negotiatedApi);
    c.put("DefaultAPIVersion", ApiVersion.CLIENT_MAX);
    c.put("JavaVersion", Runtime.version().toString());
    c.put("Os", "linux");
    c.put("Arch", goArch(System.getProperty("os.arch")));
    c.put("Context", "default");
    return c;
  }

  static Map<String, Object> info(boolean debug) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("Debug", debug);
    c.put("Version", VERSION);
    c.put("Context", "default");
    c.put("Plugins", java.util.List.of());
    c.put("Warnings", null);
    return c;
  }

  private static String goArch(String javaArch) {
    return switch (javaArch) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64" -> "arm64";
      default -> javaArch;
    };
  }
}
