package io.jdocker.image.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The two HTTP clients registry traffic goes through: one verifying certificates, one for
 * insecure registries that skips the checks (dockerd's InsecureSkipVerify). Redirects are not
 * followed here: {@link RegistrySession} follows them itself so credentials stay on the registry.
 */
final class RegistryHttp implements AutoCloseable {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final String USER_AGENT = "jdocker/0.1";

  private final HttpClient verifying;
  private final HttpClient trusting;

  RegistryHttp(Duration connectTimeout) {
    this.verifying = builder(connectTimeout).build();
    this.trusting = builder(connectTimeout).sslContext(trustAll()).build();
  }

  private static HttpClient.Builder builder(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(connectTimeout);
  }

  /**
   * Sends one request; a failure to exchange it at all becomes a {@link
   * RegistryUnreachableException} worded like Go's.
   */
  HttpResponse<InputStream> send(HttpRequest request, boolean skipVerify) throws InterruptedIOException {
    HttpClient client = skipVerify && "https".equals(request.uri().getScheme()) ? trusting : verifying;
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted: " + request.method() + " " + request.uri());
    } catch (IOException e) {
      throw NetFailures.unreachable(request.method(), request.uri(), e);
    }
  }

  @Override
  public void close() {
    verifying.close();
    trusting.close();
  }

  private static SSLContext trustAll() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new TrustEverything()}, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no TLS context", e);
    }
  }

  /**
   * Accepts any certificate for any host. It must be the extended kind: JSSE wraps a plain
   * X509TrustManager in one that still checks the host name.
   */
  private static final class TrustEverything extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
