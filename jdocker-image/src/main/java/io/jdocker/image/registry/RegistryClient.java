package io.jdocker.image.registry;

import io.jdocker.image.ref.ImageReference;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The daemon's way to registries over the Distribution (v2) HTTP API, with Docker's token and
 * Basic authentication and dockerd's insecure-registry rules. One instance serves the whole
 * daemon: it caches bearer tokens and the scheme each insecure host answered on.
 */
public final class RegistryClient implements RegistryAccess, AutoCloseable {
  private final RegistryHttp http;
  private final EndpointProbe probe;
  private final TokenService tokens;
  private final RegistryLogin logins;
  private final IndexSearch searches;

  public RegistryClient(RegistryHosts hosts) {
    this(hosts, RegistryHttp.CONNECT_TIMEOUT, Clock.systemUTC());
  }

  RegistryClient(RegistryHosts hosts, Duration connectTimeout, Clock clock) {
    this.http = new RegistryHttp(connectTimeout);
    this.probe = new EndpointProbe(http, hosts);
    this.tokens = new TokenService(http, clock);
    this.logins = new RegistryLogin(http, probe, tokens);
    this.searches = new IndexSearch(http, probe, hosts);
  }

  @Override
  public RegistryRepository open(ImageReference ref, RegistryAuth auth, boolean push) throws IOException {
    EndpointProbe.Endpoint endpoint = probe.ping(ref.domain());
    String scope = "repository:" + ref.path() + (push ? ":pull,push" : ":pull");
    return new RemoteRepository(new RegistrySession(http, tokens, endpoint, auth, scope), ref.path());
  }

  @Override
  public String login(String serverAddress, RegistryAuth auth) throws IOException {
    return logins.login(serverAddress, auth);
  }

  @Override
  public List<SearchResult> search(String indexHost, String term, int limit, RegistryAuth auth) throws IOException {
    return searches.search(indexHost, term, limit, auth);
  }

  /** The scheme that last worked for {@code host} ("https", "http"), or null before any contact. */
  String workingScheme(String host) {
    return probe.workingScheme(host);
  }

  @Override
  public void close() {
    http.close();
  }
}
