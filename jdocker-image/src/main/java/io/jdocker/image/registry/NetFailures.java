package io.jdocker.image.registry;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Words a failed exchange the way Go's net/http does, since that is what Docker users see and
 * search for: {@code Get "http://127.0.0.1:5000/v2/": dial tcp 127.0.0.1:5000: connect:
 * connection refused}.
 */
final class NetFailures {
  private NetFailures() {}

  /** Go's url.Error prefix: {@code Get "<url>": }. */
  static String operation(String method, URI uri) {
    String m = method.toUpperCase(Locale.ROOT);
    return m.charAt(0) + m.substring(1).toLowerCase(Locale.ROOT) + " \"" + uri + "\": ";
  }

  static RegistryUnreachableException unreachable(String method, URI uri, IOException failure) {
    return new RegistryUnreachableException(operation(method, uri) + cause(uri, failure), failure);
  }

  static String cause(URI uri, IOException failure) {
    if (has(failure, UnresolvedAddressException.class) || has(failure, UnknownHostException.class)) {
      return "dial tcp: lookup " + uri.getHost() + ": no such host";
    }
    if (failure instanceof HttpConnectTimeoutException) {
      return "dial tcp " + address(uri) + ": i/o timeout";
    }
    if (failure instanceof HttpTimeoutException) {
      return "net/http: timeout awaiting response headers";
    }
    if (has(failure, ConnectException.class)) {
      return "dial tcp " + address(uri) + ": connect: connection refused";
    }
    SSLException tls = find(failure, SSLException.class);
    if (tls != null) {
      return tlsCause(uri, failure, tls);
    }
    String message = String.valueOf(failure.getMessage());
    if (failure instanceof EOFException || message.contains("received no bytes")) {
      return "EOF";
    }
    if (message.toLowerCase(Locale.ROOT).contains("connection reset")) {
      return "read tcp " + address(uri) + ": read: connection reset by peer";
    }
    return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
  }

  private static String tlsCause(URI uri, IOException failure, SSLException tls) {
    String message = String.valueOf(tls.getMessage());
    // The JDK's words for a plain-HTTP answer to a TLS hello; Go recognises the same case.
    if (message.contains("Unsupported or unrecognized SSL message") || message.contains("plaintext")) {
      return "http: server gave HTTP response to HTTPS client";
    }
    if (message.contains("No subject alternative") || message.contains("No name matching")) {
      return "tls: failed to verify certificate: x509: certificate is not valid for " + uri.getHost();
    }
    if (has(failure, CertificateException.class) || message.contains("PKIX")) {
      return "tls: failed to verify certificate: x509: certificate signed by unknown authority";
    }
    if (message.contains("terminated the handshake")) {
      return "EOF";
    }
    return "tls: " + message;
  }

  /** {@code 127.0.0.1:5000}, {@code [::1]:5000}: the address dialled, as Go prints it. */
  private static String address(URI uri) {
    int port = uri.getPort() >= 0 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
    String host = uri.getHost();
    try {
      InetAddress resolved = InetAddress.getByName(host);
      host = resolved.getHostAddress();
    } catch (UnknownHostException | SecurityException e) {
      // keep the name as written
    }
    if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return host + ":" + port;
  }

  private static boolean has(Throwable t, Class<? extends Throwable> type) {
    return find(t, type) != null;
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }
}
