package io.jdocker.daemon.api.images;

import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.image.oci.Platform;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code platform} query parameter, read as containerd's {@code platforms.Parse}:
 * {@code os[/arch[/variant]]} or a lone arch, normalised ({@code x86_64} → amd64, {@code aarch64}
 * → arm64, {@code armhf} → arm/v7), with containerd's error texts. An os version in parentheses
 * ({@code windows(10.0.17763)}) is accepted and dropped: our Platform has no place for it.
 */
final class PlatformParam {
  private static final Pattern OS = Pattern.compile(
      "^([A-Za-z0-9_-]+)(?:\\(([A-Za-z0-9_.%-]*)((?:\\+[A-Za-z0-9_.%-]+)*)\\))?$");
  private static final Pattern COMPONENT = Pattern.compile("^[A-Za-z0-9_.-]+$");
  private static final Set<String> KNOWN_OS = Set.of("aix", "android", "darwin", "dragonfly", "freebsd", "hurd",
      "illumos", "ios", "js", "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "windows", "zos");
  private static final Set<String> KNOWN_ARCH = Set.of("386", "amd64", "amd64p32", "arm", "armbe", "arm64",
      "arm64be", "ppc64", "ppc64le", "loong64", "mips", "mipsle", "mips64", "mips64le", "mips64p32",
      "mips64p32le", "ppc", "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm");
  // The daemon's own platform fills what a one-word specifier leaves out.
  private static final String HOST_OS = Platform.LINUX_AMD64.os();
  private static final String HOST_ARCH = Platform.LINUX_AMD64.architecture();

  private PlatformParam() {}

  /** The platform, or null when {@code text} is empty. */
  static Platform parse(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    if (text.contains("*")) {
      throw invalid("\"" + text + "\": wildcards not yet supported");
    }
    String[] parts = text.split("/", 4);
    Matcher os = OS.matcher(parts[0]);
    if (!os.matches()) {
      throw invalid("\"" + parts[0] + "\" is an invalid OS component of \"" + text
          + "\": OSAndVersion specifier component must match " + goQuote(OS.pattern()));
    }
    for (int i = 1; i < parts.length; i++) {
      if (!COMPONENT.matcher(parts[i]).matches()) {
        throw invalid("\"" + parts[i] + "\" is an invalid component of \"" + text
            + "\": platform specifier component must match " + goQuote(COMPONENT.pattern()));
      }
    }
    String osName = normalizeOs(os.group(1));
    return switch (parts.length) {
      case 1 -> single(text, osName, parts[0]);
      case 2 -> {
        String[] arch = normalizeArch(parts[1], "");
        yield platform(osName, arch[0], arch[0].equals("arm") && arch[1].equals("v7") ? "" : arch[1]);
      }
      case 3 -> {
        String[] arch = normalizeArch(parts[1], parts[2]);
        yield platform(osName, arch[0], arch[0].equals("arm64") && arch[1].isEmpty() ? "v8" : arch[1]);
      }
      default -> throw invalid("\"" + text + "\": cannot parse platform specifier");
    };
  }

  /** One word: an OS (with the host's arch), else an arch (with the host's OS). */
  private static Platform single(String text, String osName, String word) {
    if (KNOWN_OS.contains(osName)) {
      return platform(osName, HOST_ARCH, "");
    }
    String[] arch = normalizeArch(word, "");
    if (KNOWN_ARCH.contains(arch[0])) {
      return platform(HOST_OS, arch[0], arch[0].equals("arm") && arch[1].equals("v7") ? "" : arch[1]);
    }
    throw invalid("\"" + text + "\": unknown operating system or architecture");
  }

  private static String normalizeOs(String os) {
    String lower = os.toLowerCase(Locale.ROOT);
    return lower.equals("macos") ? "darwin" : lower;
  }

  /** containerd's normalizeArch: {arch, variant}. */
  static String[] normalizeArch(String archText, String variantText) {
    String arch = archText.toLowerCase(Locale.ROOT);
    String variant = variantText.toLowerCase(Locale.ROOT);
    switch (arch) {
      case "i386" -> {
        arch = "386";
        variant = "";
      }
      case "x86_64", "x86-64", "amd64" -> {
        arch = "amd64";
        variant = variant.equals("v1") ? "" : variant;
      }
      case "aarch64", "arm64" -> {
        arch = "arm64";
        variant = variant.equals("8") || variant.equals("v8") ? "" : variant;
      }
      case "armhf" -> {
        arch = "arm";
        variant = "v7";
      }
      case "armel" -> {
        arch = "arm";
        variant = "v6";
      }
      case "arm" -> variant = switch (variant) {
        case "", "7" -> "v7";
        case "5", "6", "8" -> "v" + variant;
        default -> variant;
      };
      default -> { }
    }
    return new String[] {arch, variant};
  }

  private static Platform platform(String os, String arch, String variant) {
    return new Platform(arch, os, variant.isEmpty() ? null : variant);
  }

  /** Go's {@code %q} of a regular expression: quoted, backslashes doubled. */
  private static String goQuote(String s) {
    return "\"" + s.replace("\\", "\\\\") + "\"";
  }

  private static InvalidParameterException invalid(String message) {
    return new InvalidParameterException(message + ": invalid argument");
  }
}
