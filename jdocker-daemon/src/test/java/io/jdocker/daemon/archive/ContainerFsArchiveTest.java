package io.jdocker.daemon.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.errdefs.NotFoundException;
import io.jdocker.image.layer.TarEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerFsArchiveTest {
  @TempDir Path tmp;
  ContainerFs fs;

  @BeforeEach
  void container() throws IOException {
    fs = new ContainerFs(Rootfs.create(tmp.resolve("root")), "web");
  }

  private byte[] tar(String path) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    fs.archive(path).writeTo(out);
    return out.toByteArray();
  }

  @Test
  void fileIsOneMemberNamedByItsBaseName() throws IOException {
    Map<String, Tars.Member> members = Tars.read(tar("/etc/hostname"));
    assertEquals(List.of("hostname"), List.copyOf(members.keySet()));
    TarEntry entry = members.get("hostname").entry();
    assertEquals("ctr\n", members.get("hostname").content());
    assertEquals(0644, entry.mode());
    assertEquals(1795905252_000000000L, entry.mtimeNanos()); // whole seconds, as Docker writes them
  }

  @Test
  void directoryMembersStartWithItsName() throws IOException {
    Map<String, Tars.Member> members = Tars.read(tar("/www"));
    assertEquals(List.of("www/", "www/index.html", "www/link", "www/sub/", "www/sub/b.txt"), List.copyOf(members.keySet()));
    assertEquals(0750, members.get("www/").entry().mode());
    assertEquals(TarEntry.TYPE_DIR, members.get("www/").entry().type());
    TarEntry index = members.get("www/index.html").entry();
    assertEquals(1234, index.uid());
    assertEquals(5678, index.gid());
    assertEquals(0640, index.mode());
    TarEntry link = members.get("www/link").entry();
    assertEquals(TarEntry.TYPE_SYMLINK, link.type());
    assertEquals("index.html", link.linkName());
  }

  @Test
  void trailingSlashIsTheSameAsWithout() throws IOException {
    assertEquals(Tars.names(tar("/www")), Tars.names(tar("/www/")));
  }

  @Test
  void trailingDotGivesTheContentsUnderDot() throws IOException {
    assertEquals(List.of("./", "./index.html", "./link", "./sub/", "./sub/b.txt"), Tars.names(tar("/www/.")));
  }

  @Test
  void symlinkIsArchivedAsTheLinkNotItsTarget() throws IOException {
    Map<String, Tars.Member> members = Tars.read(tar("/bin"));
    assertEquals(List.of("bin"), List.copyOf(members.keySet()));
    assertEquals("usr/bin", members.get("bin").entry().linkName());
  }

  @Test
  void symlinkWithTrailingSlashIsFollowedButKeepsTheRequestedName() throws IOException {
    Map<String, Tars.Member> members = Tars.read(tar("/bin/"));
    assertEquals(List.of("bin/", "bin/tool"), List.copyOf(members.keySet()));
    assertEquals(04755, members.get("bin/tool").entry().mode());
  }

  @Test
  void secondNameOfAFileIsAHardLinkToTheFirst() throws IOException {
    Map<String, Tars.Member> members = Tars.read(tar("/etc"));
    assertEquals(TarEntry.TYPE_FILE, members.get("etc/hard1").entry().type());
    TarEntry second = members.get("etc/hard2").entry();
    assertEquals(TarEntry.TYPE_HARDLINK, second.type());
    assertEquals("etc/hard1", second.linkName());
  }

  @Test
  void rootChildrenAreNamedFromSlash() throws IOException {
    List<String> names = Tars.names(tar("/"));
    assertEquals("/", names.getFirst());
    assertTrue(names.contains("/etc/hostname"), names.toString());
    assertTrue(names.contains("/www/sub/b.txt"), names.toString());
  }

  @Test
  void archiveCarriesTheStatOfTheRequest() throws IOException {
    assertEquals("www", fs.archive("/www/").stat().name());
    assertEquals("/usr/bin", fs.archive("/bin").stat().linkTarget());
  }

  @Test
  void missingPathIsNotFoundBeforeAnyByteIsWritten() {
    var e = assertThrows(NotFoundException.class, () -> fs.archive("/nope"));
    assertEquals("Could not find the file /nope in container web", e.getMessage());
  }
}
