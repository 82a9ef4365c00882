package io.jdocker.daemon.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolvConfTest {
  @TempDir Path tmp;

  @Test
  void loopbackNameserversAreDroppedAndReplacedByGooglesWhenNoneIsLeft() {
    assertEquals("search lan\n\nnameserver 8.8.8.8\nnameserver 8.8.4.4\n",
        ResolvConf.forOwnNetwork("nameserver 127.0.0.53\nsearch lan\nnameserver ::1\n"));
  }

  @Test
  void realNameserversAreKeptAsTheyAre() {
    String host = "# comment\nnameserver 10.0.0.2\nnameserver 127.0.0.1\noptions edns0\n";
    assertEquals("# comment\nnameserver 10.0.0.2\noptions edns0\n", ResolvConf.forOwnNetwork(host));
  }

  @Test
  void emptyHostFileGetsTheFallback() {
    assertEquals("nameserver 8.8.8.8\nnameserver 8.8.4.4\n", ResolvConf.forOwnNetwork(""));
  }

  @Test
  void systemdResolvedStubIsRecognised() {
    assertTrue(ResolvConf.onlySystemdResolvedStub("nameserver 127.0.0.53\noptions edns0 trust-ad\n"));
    assertFalse(ResolvConf.onlySystemdResolvedStub("nameserver 127.0.0.53\nnameserver 10.0.0.1\n"));
    assertFalse(ResolvConf.onlySystemdResolvedStub("search lan\n"));
  }

  @Test
  void containerFilesUseSystemdsUpstreamFileBehindTheStub() throws Exception {
    Path hosts = Files.writeString(tmp.resolve("hosts"), "127.0.0.1 localhost myhost\n");
    Path stub = Files.writeString(tmp.resolve("resolv.conf"), "nameserver 127.0.0.53\n");
    Path upstream = Files.writeString(tmp.resolve("upstream.conf"), "nameserver 192.168.1.1\n");
    ContainerFiles files = new ContainerFiles(hosts, stub, upstream);
    Path dir = tmp.resolve("c");
    var mounts = files.write(dir, "abc", null, NetworkMode.BRIDGE, false);
    assertEquals("nameserver 192.168.1.1\n", Files.readString(dir.resolve("resolv.conf")));
    assertEquals("abc\n", Files.readString(dir.resolve("hostname")));
    assertEquals(ContainerFiles.DEFAULT_HOSTS, Files.readString(dir.resolve("hosts")));
    assertEquals(3, mounts.size());
    assertFalse(mounts.get(0).readOnly());

    files.write(dir, "abc", "172.17.0.2", NetworkMode.HOST, true);
    assertEquals("127.0.0.1 localhost myhost\n", Files.readString(dir.resolve("hosts")));

    files.write(dir, "abc", "172.17.0.2", NetworkMode.BRIDGE, true);
    assertEquals(ContainerFiles.DEFAULT_HOSTS + "172.17.0.2\tabc\n", Files.readString(dir.resolve("hosts")));
  }
}
