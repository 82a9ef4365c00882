package io.jdocker.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.jdocker.errdefs.UnavailableException;
import io.jdocker.image.ref.ImageReference;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A registry with a self-signed certificate: fine when insecure (no checks, as dockerd), refused otherwise. */
class RegistryTlsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();
  @TempDir static Path dir;
  private static HttpsServer server;

  @BeforeAll
  static void startTlsRegistry() throws Exception {
    Path store = dir.resolve("registry.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "registry", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=registry.invalid", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", store.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
        .redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes());
    assertEquals(0, keytool.waitFor(), output);

    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, PASSWORD);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, PASSWORD);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext("/v2/", ex -> {
      try (ex) {
        ex.sendResponseHeaders(200, -1);
      }
    });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void insecureRegistryIsReachedOverHttpsWithoutCertificateChecks() throws IOException {
    try (RegistryClient client = new RegistryClient(RegistryHosts.defaults())) {
      client.open(ImageReference.parse(host() + "/x"), RegistryAuth.ANONYMOUS, false);
      assertEquals("https", client.workingScheme(host()));
    }
  }

  @Test
  void secureRegistryWithAnUnknownAuthorityIsRefused() {
    try (RegistryClient client = new RegistryClient(new RegistryHosts(List.of(), false))) {
      UnavailableException e = assertThrows(UnavailableException.class,
          () -> client.open(ImageReference.parse(host() + "/x"), RegistryAuth.ANONYMOUS, false));
      assertEquals("Get \"https://" + host() + "/v2/\": tls: failed to verify certificate: "
          + "x509: certificate signed by unknown authority", e.getMessage());
    }
  }
}
