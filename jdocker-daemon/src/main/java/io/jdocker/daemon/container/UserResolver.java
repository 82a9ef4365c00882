package io.jdocker.daemon.container;

import io.jdocker.errdefs.InvalidParameterException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves {@code --user} ({@code name}, {@code uid}, {@code name:group}, {@code uid:gid}) against
 * the container's own /etc/passwd and /etc/group, as moby/sys/user's {@code GetExecUser}: a
 * number not in the files is used as is, a name not in them is Docker's error. Without a group,
 * the user's primary gid and the groups listing the user apply.
 */
public final class UserResolver {
  private static final long MAX_ID = Integer.MAX_VALUE;

  private UserResolver() {}

  /** Reads {@code <rootfs>/etc/passwd} and {@code <rootfs>/etc/group} (absent files are empty). */
  public static ExecUser resolve(String spec, Path rootfs) {
    return resolve(spec, readLines(rootfs, "etc/passwd"), readLines(rootfs, "etc/group"));
  }

  public static ExecUser resolve(String spec, List<String> passwd, List<String> group) {
    String userArg = spec == null ? "" : spec;
    String groupArg = "";
    int colon = userArg.indexOf(':');
    if (colon >= 0) {
      groupArg = userArg.substring(colon + 1);
      userArg = userArg.substring(0, colon);
    }
    long uid = 0;
    long gid = 0;
    String home = "/";
    String userName = null;
    if (userArg.isEmpty()) {
      userArg = "0";
    }
    Optional<String[]> entry = findEntry(passwd, userArg, 7);
    if (entry.isPresent()) {
      String[] f = entry.get();
      userName = f[0];
      uid = parseId(f[2]);
      gid = parseId(f[3]);
      home = f[5].isEmpty() ? "/" : f[5];
    } else if (isNumber(userArg)) {
      uid = checkedId(userArg);
    } else {
      throw new InvalidParameterException("unable to find user " + userArg + ": no matching entries in passwd file");
    }

    List<Long> additional = new ArrayList<>();
    if (!groupArg.isEmpty()) {
      Optional<String[]> g = findEntry(group, groupArg, 4);
      if (g.isPresent()) {
        gid = parseId(g.get()[2]);
      } else if (isNumber(groupArg)) {
        gid = checkedId(groupArg);
      } else {
        throw new InvalidParameterException(
            "unable to find group " + groupArg + ": no matching entries in group file");
      }
    } else if (userName != null) {
      for (String line : group) {
        String[] f = fields(line, 4);
        if (f != null && List.of(f[3].split(",")).contains(userName)) {
          long member = parseId(f[2]);
          if (member >= 0 && member != gid && !additional.contains(member)) {
            additional.add(member);
          }
        }
      }
    }
    return new ExecUser(uid, gid, additional, home);
  }

  /** The first passwd/group entry for {@code key}: a number is always an ID (field 3), else a name. */
  private static Optional<String[]> findEntry(List<String> lines, String key, int fieldCount) {
    boolean numeric = isNumber(key);
    for (String line : lines) {
      String[] f = fields(line, fieldCount);
      if (f != null && (numeric ? parseId(f[2]) >= 0 && parseId(f[2]) == parseId(key) : f[0].equals(key))) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  private static String[] fields(String line, int count) {
    String trimmed = line.strip();
    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
      return null;
    }
    String[] parts = trimmed.split(":", -1);
    if (parts.length < 3) {
      return null;
    }
    String[] f = new String[count];
    for (int i = 0; i < count; i++) {
      f[i] = i < parts.length ? parts[i] : "";
    }
    return f;
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
  }

  private static long checkedId(String s) {
    long id;
    try {
      id = Long.parseLong(s);
    } catch (NumberFormatException e) {
      id = -1;
    }
    if (id < 0 || id > MAX_ID) {
      throw new InvalidParameterException("uids and gids must be in range 0-" + MAX_ID);
    }
    return id;
  }

  private static long parseId(String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Reads a file of the container's root without following a symlink out of it: a hostile image
   * could point /etc/passwd at a host file. Such a link counts as no file.
   */
  private static List<String> readLines(Path rootfs, String relative) {
    Path file = rootfs.resolve(relative);
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
          || !file.toRealPath().startsWith(rootfs.toRealPath())) {
        return List.of();
      }
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of();
    }
  }
}
