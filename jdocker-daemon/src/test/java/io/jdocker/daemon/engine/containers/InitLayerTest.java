package io.jdocker.daemon.engine.containers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitLayerTest {
  @TempDir Path upper;

  private void file(String name) throws IOException {
    Path p = upper.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "");
  }

  @Test
  void etcCopiedUpOnlyForTheMountPointsIsLeftOutWithThem() throws IOException {
    file("etc/hosts");
    file("etc/hostname");
    file("etc/resolv.conf");
    Predicate<String> excluded = InitLayer.excluded(upper);
    assertTrue(excluded.test("etc/hosts") && excluded.test("etc/hostname") && excluded.test("etc/resolv.conf"));
    assertTrue(excluded.test("etc"));
  }

  @Test
  void etcWithAChangeOfTheUsersStays() throws IOException {
    file("etc/hosts");
    file("etc/motd");
    Predicate<String> excluded = InitLayer.excluded(upper);
    assertTrue(excluded.test("etc/hosts"));
    assertFalse(excluded.test("etc"));
    assertFalse(excluded.test("etc/motd"));
  }

  @Test
  void emptyMountPointDirsAreLeftOutButNotWhenSomethingIsInThem() throws IOException {
    Files.createDirectories(upper.resolve("proc"));
    Files.createDirectories(upper.resolve("sys"));
    file("dev/kept");
    Files.createDirectories(upper.resolve("data"));
    Predicate<String> excluded = InitLayer.excluded(upper);
    assertTrue(excluded.test("proc") && excluded.test("sys"));
    assertFalse(excluded.test("dev"));
    assertFalse(excluded.test("data"), "an empty directory of the user's is a change");
  }

  @Test
  void anEmptyUpperDirExcludesNothingElse() throws IOException {
    Predicate<String> excluded = InitLayer.excluded(upper);
    assertFalse(excluded.test("etc") || excluded.test("bin") || excluded.test("proc/x"));
  }
}
