package io.jdocker.daemon.runtime;

import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.UnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker top with ps options, as dockerd does it: runs the host's {@code ps} with the options,
 * finds the PID column in its header and keeps the rows of the container's processes.
 */
final class PsTop {
  static final String DEFAULT_ARGS = "-ef";
  // dockerd refuses renaming another column to PID ("-o user=PID"), which would fool the PID lookup.
  private static final Pattern RENAMED_TO_PID = Pattern.compile("\\s+([^\\s]*)=\\s*(PID[^\\s]*)");

  private PsTop() {}

  /** The host's {@code ps}, if it has one. */
  static Optional<Path> findPs() {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(":")) {
      Path ps = Path.of(dir.isEmpty() ? "." : dir, "ps");
      if (Files.isExecutable(ps)) {
        return Optional.of(ps);
      }
    }
    return Optional.empty();
  }

  static TopResult run(Path ps, String psArgs, Collection<Integer> pids) throws IOException {
    validate(psArgs);
    List<String> command = new ArrayList<>();
    command.add(ps.toString());
    command.addAll(fields(psArgs));
    Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
    CompletableFuture<String> stderr = readAsync(p.getErrorStream());
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code;
    try {
      code = p.waitFor();
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running ps", e);
    }
    if (code != 0) {
      String firstLine = stderr.join().lines().findFirst().orElse("").trim();
      if (!firstLine.isEmpty()) {
        throw new InvalidParameterException(firstLine);
      }
      throw new UnavailableException("ps: exit status " + code);
    }
    return parse(out, Set.copyOf(pids));
  }

  static void validate(String psArgs) {
    Matcher m = RENAMED_TO_PID.matcher(psArgs);
    while (m.find()) {
      if (!m.group(1).equals("pid")) {
        throw new InvalidParameterException("specifying \"" + m.group(1) + "=" + m.group(2) + "\" is not allowed");
      }
    }
  }

  /** dockerd's parsePSOutput: rows split on ASCII whitespace, the last column keeping its spaces. */
  static TopResult parse(String output, Set<Integer> pids) {
    String[] lines = output.split("\n", -1);
    List<String> titles = fields(lines[0]);
    int pidIndex = titles.indexOf("PID");
    if (pidIndex < 0) {
      throw new InvalidParameterException("Couldn't find PID field in ps output");
    }
    List<List<String>> rows = new ArrayList<>();
    boolean previousWasOurs = false; // thread lines ("ps -m") show "-" and belong to the process above
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        continue;
      }
      List<String> fields = fields(lines[i]);
      if (fields.size() <= pidIndex) {
        continue;
      }
      String pidField = fields.get(pidIndex);
      if (pidField.equals("-")) {
        if (previousWasOurs) {
          rows.add(row(fields, titles.size()));
        }
        continue;
      }
      int pid;
      try {
        pid = Integer.parseInt(pidField);
      } catch (NumberFormatException e) {
        throw new InvalidParameterException("Unexpected pid '" + pidField + "': " + e.getMessage());
      }
      previousWasOurs = pids.contains(pid);
      if (previousWasOurs) {
        rows.add(row(fields, titles.size()));
      }
    }
    return new TopResult(titles, rows);
  }

  private static List<String> row(List<String> fields, int columns) {
    if (fields.size() <= columns) {
      return fields;
    }
    List<String> row = new ArrayList<>(fields.subList(0, columns - 1));
    row.add(String.join(" ", fields.subList(columns - 1, fields.size())));
    return row;
  }

  /** Go's strings.Fields for ASCII: split on runs of space, tab, newline, CR, VT, FF. */
  static List<String> fields(String s) {
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= s.length(); i++) {
      boolean space = i == s.length() || " \t\n\r\u000b\f".indexOf(s.charAt(i)) >= 0;
      if (space && start >= 0) {
        out.add(s.substring(start, i));
        start = -1;
      } else if (!space && start < 0) {
        start = i;
      }
    }
    return out;
  }

  private static CompletableFuture<String> readAsync(InputStream in) {
    CompletableFuture<String> f = new CompletableFuture<>();
    Thread.ofVirtual().name("ps-stderr").start(() -> {
      try (in) {
        f.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        f.complete("");
      }
    });
    return f;
  }
}
