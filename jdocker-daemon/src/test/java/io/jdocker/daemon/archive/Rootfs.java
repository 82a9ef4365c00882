package io.jdocker.daemon.archive;

import io.jdocker.linux.FileSystemCalls;
import io.jdocker.linux.jnr.JnrFileSystemCalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small container root for the tests, with fixed modes, owners and times. */
final class Rootfs {
  static final FileSystemCalls FS = JnrFileSystemCalls.instance();
  /** 2026-11-28T22:34:12.596578428Z */
  static final long MTIME = 1795905252_596578428L;

  private Rootfs() {}

  static Path create(Path root) throws IOException {
    Files.createDirectories(root);
    FS.chmod(root, 0755);
    dir(root, "etc", 0755);
    file(root, "etc/hostname", "ctr\n", 0644);
    file(root, "etc/hard1", "shared\n", 0600);
    Files.createLink(root.resolve("etc/hard2"), root.resolve("etc/hard1"));
    dir(root, "www", 0750);
    file(root, "www/index.html", "<h1>hi</h1>\n", 0640);
    dir(root, "www/sub", 0700);
    file(root, "www/sub/b.txt", "b\n", 0604);
    FS.symlink("index.html", root.resolve("www/link"));
    dir(root, "usr", 0755);
    dir(root, "usr/bin", 0755);
    file(root, "usr/bin/tool", "#!/bin/sh\n", 04755);
    FS.symlink("usr/bin", root.resolve("bin"));
    FS.symlink("/etc", root.resolve("etclink"));
    dir(root, "tmp", 01777);
    FS.lchown(root.resolve("www/index.html"), 1234, 5678);
    FS.lchown(root.resolve("www/link"), 1234, 5678);
    for (String p : new String[] {"www/index.html", "www/sub/b.txt", "www/link", "www/sub", "www", "etc/hostname"}) {
      FS.utimensat(root.resolve(p), MTIME, MTIME, true);
    }
    return root;
  }

  static void dir(Path root, String name, int mode) throws IOException {
    Files.createDirectory(root.resolve(name));
    FS.chmod(root.resolve(name), mode);
  }

  static void file(Path root, String name, String content, int mode) throws IOException {
    Files.writeString(root.resolve(name), content);
    FS.chmod(root.resolve(name), mode);
  }
}
