package io.jdocker.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Leaves no mount behind: a failed test must not pin a temp dir for the next run. */
final class Cleanup {
  private Cleanup() {}

  static void unmountBelow(Path base) {
    List<String> targets = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
        String[] fields = line.split(" ");
        String mountPoint = fields[4].replace("\\040", " ");
        if (mountPoint.startsWith(base.toString() + "/")) {
          targets.add(mountPoint);
        }
      }
    } catch (IOException e) {
      return;
    }
    targets.sort(Comparator.comparingInt(String::length).reversed());
    for (String target : targets) {
      Command.of(List.of("umount", "-l", target)).run();
    }
  }
}
