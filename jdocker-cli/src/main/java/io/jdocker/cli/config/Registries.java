package io.jdocker.cli.config;

import io.jdocker.cli.model.ImageReference;

/** Which key of config.json holds a registry's credentials, as the docker CLI decides it. */
public final class Registries {
  /** Docker Hub's key ({@code registry.IndexServer}); also the default server of login and logout. */
  public static final String INDEX_SERVER = "https://index.docker.io/v1/";

  private Registries() {}

  /** The key for an image's registry: Docker Hub's references all use {@link #INDEX_SERVER}. */
  public static String keyFor(ImageReference ref) {
    return keyForDomain(ref.domain());
  }

  /**
   * The key for a search term: a first component that looks like a host ({@code .}, {@code :} or
   * {@code localhost}) names the registry, anything else searches Docker Hub.
   */
  public static String keyForSearch(String term) {
    int slash = term.indexOf('/');
    if (slash < 0) {
      return INDEX_SERVER;
    }
    String first = term.substring(0, slash);
    boolean host = first.contains(".") || first.contains(":") || first.equals("localhost");
    return host ? keyForDomain(first) : INDEX_SERVER;
  }

  static String keyForDomain(String domain) {
    return domain.equals("docker.io") || domain.equals("index.docker.io") ? INDEX_SERVER : domain;
  }

  /**
   * The server login stores credentials under: Docker Hub's names become {@link #INDEX_SERVER},
   * anything else its host[:port] ({@code http://127.0.0.1:5000/} is {@code 127.0.0.1:5000}).
   */
  public static String loginServer(String server) {
    if (server == null || server.isEmpty() || server.equals("docker.io") || server.equals(INDEX_SERVER)) {
      return INDEX_SERVER;
    }
    return hostname(server);
  }

  /** docker's {@code credentials.ConvertToHostname}: the scheme and any path removed. */
  public static String hostname(String address) {
    String stripped = address;
    int scheme = stripped.indexOf("://");
    if (scheme >= 0) {
      stripped = stripped.substring(scheme + 3);
    }
    int slash = stripped.indexOf('/');
    return slash < 0 ? stripped : stripped.substring(0, slash);
  }
}
