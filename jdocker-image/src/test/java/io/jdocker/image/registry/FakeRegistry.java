package io.jdocker.image.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jdocker.image.ref.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small in-memory Distribution (registry v2) server on 127.0.0.1 over plain HTTP, for tests:
 * manifests by tag and digest, blobs, monolithic and chunked uploads, paginated tag lists, and
 * optionally a Bearer token realm ({@code /token}) or Basic auth, blobs redirected to a
 * credential-free storage server, and a v1 search answer. Errors use distribution's JSON and
 * words. Every request is recorded. An HTTPS attempt is refused at once, as Go's server does, so
 * a client's insecure-registry fallback to HTTP is quick.
 */
public final class FakeRegistry implements AutoCloseable {
  public static final String SERVICE = "fake-registry";

  /** A stored manifest. */
  public record Manifest(String mediaType, byte[] bytes) {}

  /** A request as received; header names are lowercased. */
  public record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase());
      return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public Map<String, String> params() {
      return FakeHttp.params(query);
    }
  }

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final HttpServer server;
  private final PlainHttpFront front;
  private volatile HttpServer storage;
  private final FakeAuth auth = new FakeAuth();
  private final Map<String, Map<String, Manifest>> manifests = new ConcurrentHashMap<>();
  private final Map<String, Map<String, byte[]>> blobs = new ConcurrentHashMap<>();
  private final Map<String, ByteArrayOutputStream> uploads = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile boolean redirectBlobs;
  private volatile int tagPageSize;
  private volatile String searchJson;

  private FakeRegistry() throws IOException {
    server = listen();
    front = new PlainHttpFront(server.getAddress(), executor);
  }

  public static FakeRegistry start() throws IOException {
    return new FakeRegistry();
  }

  private HttpServer listen() throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    s.createContext("/", this::handle);
    s.setExecutor(executor);
    s.start();
    return s;
  }

  /** {@code 127.0.0.1:port}: the registry's name in image references. */
  public String host() {
    return "127.0.0.1:" + front.port();
  }

  public URI url() {
    return URI.create("http://" + host());
  }

  /** Requires a bearer token from {@code /token}, issued for these Basic credentials. */
  public FakeRegistry requireBearer(String user, String password) {
    auth.bearer(user, password);
    return this;
  }

  /** With bearer auth: anonymous token requests get pull access. */
  public FakeRegistry anonymousPull() {
    auth.allowAnonymousPull();
    return this;
  }

  public FakeRegistry requireBasic(String user, String password) {
    auth.basic(user, password);
    return this;
  }

  /** A bearer token granting {@code scopes} (e.g. {@code repository:app:pull}), as if issued by the realm. */
  public String newToken(String scopes) {
    return auth.newToken(scopes);
  }

  /** The refresh token {@code /token} hands out with {@code offline_token=true}. */
  public String refreshToken() {
    return auth.refreshToken();
  }

  /**
   * Blob GETs answer 307 to {@code /storage/<digest>} on a second server (another origin, as
   * object storage is), which needs no credentials. Its requests are recorded too.
   */
  public synchronized FakeRegistry redirectBlobs() throws IOException {
    if (storage == null) {
      storage = listen();
    }
    redirectBlobs = true;
    return this;
  }

  /** Tag lists come in pages of {@code n} when the client does not ask for a size. */
  public FakeRegistry tagPageSize(int n) {
    this.tagPageSize = n;
    return this;
  }

  /** The body of {@code GET /v1/search}; without it the endpoint is a 404 as on distribution. */
  public FakeRegistry searchResults(String json) {
    this.searchJson = json;
    return this;
  }

  public Digest putBlob(String repo, byte[] content) {
    Digest digest = Digest.of(content);
    blobsOf(repo).put(digest.toString(), content);
    return digest;
  }

  /** Stores a manifest under its digest and, when {@code tag} is not null, under the tag. */
  public Digest putManifest(String repo, String tag, String mediaType, byte[] bytes) {
    Digest digest = Digest.of(bytes);
    manifestsOf(repo).put(digest.toString(), new Manifest(mediaType, bytes));
    if (tag != null) {
      manifestsOf(repo).put(tag, new Manifest(mediaType, bytes));
    }
    return digest;
  }

  /** Stores bytes under any reference, even a digest they do not hash to. */
  public void putRawManifest(String repo, String reference, String mediaType, byte[] bytes) {
    manifestsOf(repo).put(reference, new Manifest(mediaType, bytes));
  }

  public Optional<byte[]> blob(String repo, Digest digest) {
    return Optional.ofNullable(blobs.getOrDefault(repo, Map.of()).get(digest.toString()));
  }

  public Optional<Manifest> manifest(String repo, String reference) {
    return Optional.ofNullable(manifests.getOrDefault(repo, Map.of()).get(reference));
  }

  /** The repository's tags, sorted. */
  public List<String> tags(String repo) {
    return new ArrayList<>(new TreeSet<>(manifests.getOrDefault(repo, Map.of()).keySet().stream()
        .filter(ref -> !Digest.isDigest(ref)).toList()));
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Requests whose path starts with {@code prefix}. */
  public List<Request> requests(String prefix) {
    return requests.stream().filter(r -> r.path().startsWith(prefix)).toList();
  }

  @Override
  public void close() {
    try {
      front.close();
    } catch (IOException e) {
      // closing a test server
    }
    server.stop(0);
    if (storage != null) {
      storage.stop(0);
    }
    executor.shutdownNow();
  }

  // ---- serving ----

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body = ex.getRequestBody().readAllBytes();
      Map<String, List<String>> headers = new LinkedHashMap<>();
      ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), List.copyOf(v)));
      Request req = new Request(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
          ex.getRequestURI().getRawQuery(), headers, body);
      requests.add(req);
      route(ex, req);
    } catch (RuntimeException e) {
      FakeHttp.send(ex, 500, "text/plain", String.valueOf(e));
    }
  }

  private void route(HttpExchange ex, Request req) throws IOException {
    String path = req.path();
    if (path.equals("/token")) {
      auth.issue(ex, req);
    } else if (path.equals("/v1/search")) {
      String json = searchJson;
      FakeHttp.send(ex, json == null ? 404 : 200, json == null ? "text/plain" : "application/json",
          json == null ? "404 page not found\n" : json);
    } else if (path.startsWith("/storage/")) {
      storage(ex, path.substring("/storage/".length()));
    } else if (path.equals("/v2/")) {
      if (authorized(ex, req, null, null)) {
        FakeHttp.send(ex, 200, "application/json", "{}");
      }
    } else if (path.startsWith("/v2/")) {
      FakeDistributionApi.handle(this, ex, req, path.substring(4));
    } else {
      FakeHttp.send(ex, 404, "text/plain", "404 page not found\n");
    }
  }

  private void storage(HttpExchange ex, String digest) throws IOException {
    for (Map<String, byte[]> repoBlobs : blobs.values()) {
      byte[] content = repoBlobs.get(digest);
      if (content != null) {
        FakeHttp.send(ex, 200, "application/octet-stream", content);
        return;
      }
    }
    FakeHttp.send(ex, 404, "text/plain", "no such object");
  }

  boolean authorized(HttpExchange ex, Request req, String repo, String action) throws IOException {
    return auth.authorized(ex, req, url(), repo, action);
  }

  /** Where a redirected blob is, or null when blobs are served directly. */
  URI redirectFor(String digest) {
    return redirectBlobs ? URI.create("http://127.0.0.1:" + storage.getAddress().getPort() + "/storage/" + digest)
        : null;
  }

  int tagPageSize() {
    return tagPageSize;
  }

  Map<String, Manifest> manifestsOf(String repo) {
    return manifests.computeIfAbsent(repo, r -> new ConcurrentHashMap<>());
  }

  Map<String, byte[]> blobsOf(String repo) {
    return blobs.computeIfAbsent(repo, r -> new ConcurrentHashMap<>());
  }

  Map<String, ByteArrayOutputStream> uploads() {
    return uploads;
  }
}
