package io.jdocker.image.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.linux.FileStat;
import io.jdocker.linux.jnr.JnrFileSystemCalls;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerPackerTest {
  private final JnrFileSystemCalls fs = JnrFileSystemCalls.instance();
  @TempDir Path tmp;
  Path original;

  /** A layer with every kind of entry, unpacked from a commons-compress archive. */
  @BeforeEach
  void richLayer() throws IOException {
    original = Files.createDirectory(tmp.resolve("original"));
    String deep = "p".repeat(120) + "/" + "q".repeat(140);
    byte[] capability = {1, 0, 0, 2, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    ByteArrayOutputStream extra = new ByteArrayOutputStream();
    TarWriter w = new TarWriter(extra);
    TarEntry capped = new TarEntry("usr/bin/ping", TarEntry.TYPE_FILE, "", 04755, 0, 0, 4,
        1_600_000_000_000_000_000L, -1, 0, 0, Map.of("security.capability", capability));
    w.begin(capped);
    w.write("ping".getBytes(StandardCharsets.UTF_8), 0, 4);
    w.end(capped);
    w.finish();
    LayerUnpacker.create().unpack(new TestTar()
        .dir("etc", 0755, 0, 0)
        .file("etc/.wh.shadow", "")
        .dir("var/cache", 0700, 1000, 1000)
        .file("var/cache/.wh..wh..opq", "")
        .file("var/cache/data", "cached", e -> e.setIds(1000, 1000))
        .dir("tmp", 01777, 0, 0)
        .file("bin/su", "suid", e -> { e.setMode(0104755); e.setModTime(1_500_000_000_000L); })
        .hardlink("bin/su-again", "bin/su")
        .symlink("bin/sh", "busybox")
        .file(deep, "deep", e -> e.addPaxHeader("SCHILY.xattr.user.tag", "v"))
        .special("dev/null", TarArchiveEntry.LF_CHR, 0666, 1, 3)
        .special("run/fifo", TarArchiveEntry.LF_FIFO, 0600, 0, 0)
        .stream(), original);
    LayerUnpacker.create().unpack(new ByteArrayInputStream(extra.toByteArray()), original);
  }

  @Test
  void roundTripRestoresTheSameTree() throws IOException {
    byte[] tar = pack(original);
    Path copy = Files.createDirectory(tmp.resolve("copy"));
    LayerUnpacker.create().unpack(new ByteArrayInputStream(tar), copy);
    assertEquals(describe(original), describe(copy));
    assertArrayEquals(tar, pack(copy), "packing is deterministic");
  }

  @Test
  void writesDockerWhiteoutNamesInSortedOrder() throws IOException {
    List<String> names = new ArrayList<>();
    Map<String, TarArchiveEntry> entries = new TreeMap<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(pack(original)))) {
      TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        names.add(e.getName());
        entries.put(e.getName(), e);
      }
    }
    assertTrue(names.contains("etc/.wh.shadow"), names.toString());
    assertEquals(names.indexOf("var/cache/") + 1, names.indexOf("var/cache/.wh..wh..opq"), names.toString());
    TarArchiveEntry whiteout = entries.get("etc/.wh.shadow");
    assertTrue(whiteout.isFile());
    assertEquals(0, whiteout.getSize());
    assertTrue(entries.get("bin/su-again").isLink());
    assertEquals("bin/su", entries.get("bin/su-again").getLinkName());
    assertEquals(04755, entries.get("bin/su").getMode() & 07777);
    assertEquals(1000, entries.get("var/cache/data").getLongUserId());
    assertTrue(names.indexOf("bin/") < names.indexOf("bin/sh") && names.indexOf("bin/sh") < names.indexOf("bin/su"));
    assertEquals(List.of("bin/", "bin/sh", "bin/su", "bin/su-again"),
        names.stream().filter(n -> n.startsWith("bin/")).toList());
  }

  @Test
  void skippedNamesAreLeftOutWithEverythingUnderThem() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LayerPacker.create().pack(original, out, name -> name.equals("var") || name.equals("bin/su"));
    List<String> names = new ArrayList<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        names.add(e.getName());
      }
    }
    assertTrue(names.stream().noneMatch(n -> n.startsWith("var")), names.toString());
    assertTrue(!names.contains("bin/su") && names.contains("bin/sh"), names.toString());
    // su-again is su's second name: with su left out it is the first one written, as a file.
    assertTrue(names.contains("bin/su-again") && names.contains("etc/.wh.shadow"), names.toString());
  }

  @Test
  void anEmptyDirectoryIsTheEmptyTar() throws IOException {
    byte[] tar = pack(Files.createDirectory(tmp.resolve("empty")));
    assertArrayEquals(new byte[1024], tar, "two zero blocks, whose sha256 Docker treats as the empty layer");
  }

  @Test
  void gnuTarReadsIt() throws Exception {
    Path tarFile = tmp.resolve("layer.tar");
    Files.write(tarFile, pack(original));
    Process p = new ProcessBuilder("tar", "-tvf", tarFile.toString()).redirectErrorStream(true).start();
    String listing = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), listing);
    assertTrue(listing.contains("q".repeat(140)), listing);
    assertTrue(listing.contains("-rwsr-xr-x"), listing);
  }

  private byte[] pack(Path dir) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LayerPacker.create().pack(dir, out);
    return out.toByteArray();
  }

  /** Every path with type, mode, owner, mtime (seconds), device, xattrs, content hash or link. */
  private Map<String, String> describe(Path root) throws IOException {
    Map<String, String> tree = new TreeMap<>();
    Map<Long, String> inodes = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.toList()) {
        FileStat st = fs.lstat(path);
        StringBuilder d = new StringBuilder();
        d.append(Integer.toOctalString(st.mode())).append(' ').append(st.uid()).append(':').append(st.gid());
        if (!path.equals(root)) {
          d.append(" t=").append(st.mtimeNanos() / 1_000_000_000L);
        }
        d.append(" dev=").append(st.rdevMajor()).append(',').append(st.rdevMinor());
        for (String name : new java.util.TreeSet<>(fs.llistxattr(path))) {
          d.append(' ').append(name).append('=').append(HexFormat.of().formatHex(fs.lgetxattr(path, name)));
        }
        if (st.isRegularFile()) {
          d.append(" sha=").append(sha256(Files.readAllBytes(path)));
          d.append(" first=").append(inodes.computeIfAbsent(st.inode(), i -> root.relativize(path).toString()));
        }
        if (st.isSymlink()) {
          d.append(" -> ").append(Files.readSymbolicLink(path));
        }
        tree.put(root.relativize(path).toString(), d.toString());
      }
    }
    return tree;
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
