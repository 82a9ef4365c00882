package io.jdocker.cli.model;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An OCI platform parsed from {@code os[/arch[/variant]]} and normalised as containerd's
 * {@code platforms.Parse} does ({@code aarch64} is {@code arm64}, {@code armhf} is {@code arm/v7}).
 * A lone component is an OS (with this machine's architecture) or an architecture (on linux).
 */
public record Platform(String os, String architecture, String variant) {
  private static final Set<String> OSES = Set.of("aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos",
      "ios", "js", "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "windows", "zos");
  private static final Set<String> ARCHES = Set.of("386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be",
      "ppc64", "ppc64le", "loong64", "mips", "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "riscv",
      "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm");

  /** Throws {@link IllegalArgumentException} with containerd's message. */
  public static Platform parse(String specifier) {
    String[] parts = specifier.split("/", -1);
    for (String part : parts) {
      if (!part.matches("[A-Za-z0-9_.-]+")) {
        throw new IllegalArgumentException("\"" + part + "\" is an invalid component of \"" + specifier
            + "\": platform specifier component must match \"^[A-Za-z0-9_.-]+$\": invalid argument");
      }
    }
    return switch (parts.length) {
      case 1 -> {
        String os = normalizeOs(parts[0]);
        if (OSES.contains(os)) {
          yield arch(os, hostArch(), "");
        }
        Platform onLinux = arch("linux", parts[0], "");
        if (!ARCHES.contains(onLinux.architecture())) {
          throw new IllegalArgumentException("\"" + specifier + "\": unknown operating system or architecture: invalid argument");
        }
        yield onLinux;
      }
      case 2 -> arch(normalizeOs(parts[0]), parts[1], "");
      case 3 -> arch(normalizeOs(parts[0]), parts[1], parts[2]);
      default -> throw new IllegalArgumentException("\"" + specifier + "\": cannot parse platform specifier: invalid argument");
    };
  }

  /** The JSON of ocispec.Platform, in its field order, empty fields left out. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("architecture", architecture);
    json.put("os", os);
    if (!variant.isEmpty()) {
      json.put("variant", variant);
    }
    return json;
  }

  private static Platform arch(String os, String arch, String variant) {
    String a = arch.toLowerCase(Locale.ROOT);
    String v = variant.toLowerCase(Locale.ROOT);
    switch (a) {
      case "i386" -> {
        a = "386";
        v = "";
      }
      case "x86_64", "x86-64", "amd64" -> {
        a = "amd64";
        v = v.equals("v1") ? "" : v;
      }
      case "aarch64", "arm64" -> {
        a = "arm64";
        v = switch (v) {
          case "8", "v8", "v8.0" -> "v8";
          case "9", "9.0", "v9.0" -> "v9";
          default -> v;
        };
      }
      case "armhf" -> {
        a = "arm";
        v = "v7";
      }
      case "armel" -> {
        a = "arm";
        v = "v6";
      }
      case "arm" -> v = switch (v) {
        case "", "7" -> "v7";
        case "5", "6", "8" -> "v" + v;
        default -> v;
      };
      default -> { }
    }
    return new Platform(os, a, v);
  }

  private static String normalizeOs(String os) {
    String lower = os.toLowerCase(Locale.ROOT);
    return lower.equals("macos") ? "darwin" : lower;
  }

  private static String hostArch() {
    String arch = System.getProperty("os.arch", "amd64");
    return arch.equals("aarch64") ? "arm64" : arch.equals("x86_64") ? "amd64" : arch;
  }
}
