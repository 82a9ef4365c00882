package io.jdocker.image.registry;

import com.sun.net.httpserver.HttpExchange;
import io.jdocker.image.ref.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The repository routes of {@link FakeRegistry}: {@code /v2/<name>/...}. */
final class FakeDistributionApi {
  private FakeDistributionApi() {}

  static void handle(FakeRegistry registry, HttpExchange ex, FakeRegistry.Request req, String rest)
      throws IOException {
    String[] markers = {"/manifests/", "/blobs/uploads/", "/blobs/", "/tags/list"};
    for (String marker : markers) {
      int at = rest.lastIndexOf(marker);
      if (at > 0) {
        String repo = rest.substring(0, at);
        String tail = rest.substring(at + marker.length());
        String action = req.method().equals("GET") || req.method().equals("HEAD") ? "pull" : "push";
        if (!registry.authorized(ex, req, repo, action)) {
          return;
        }
        switch (marker) {
          case "/manifests/" -> manifest(registry, ex, req, repo, tail);
          case "/blobs/uploads/" -> upload(registry, ex, req, repo, tail);
          case "/blobs/" -> blob(registry, ex, req, repo, tail);
          default -> tags(registry, ex, req, repo);
        }
        return;
      }
    }
    FakeHttp.send(ex, 404, "text/plain", "404 page not found\n");
  }

  private static void manifest(FakeRegistry registry, HttpExchange ex, FakeRegistry.Request req, String repo,
      String reference) throws IOException {
    Map<String, FakeRegistry.Manifest> manifests = registry.manifestsOf(repo);
    if (req.method().equals("PUT")) {
      String mediaType = req.header("Content-Type");
      Digest digest = registry.putManifest(repo, Digest.isDigest(reference) ? null : reference, mediaType, req.body());
      ex.getResponseHeaders().set("Docker-Content-Digest", digest.toString());
      ex.getResponseHeaders().set("Location", "/v2/" + repo + "/manifests/" + digest);
      FakeHttp.empty(ex, 201);
      return;
    }
    FakeRegistry.Manifest m = manifests.get(reference);
    if (m == null) {
      FakeHttp.error(ex, 404, "MANIFEST_UNKNOWN", "manifest unknown");
      return;
    }
    ex.getResponseHeaders().set("Docker-Content-Digest", Digest.of(m.bytes()).toString());
    FakeHttp.send(ex, 200, m.mediaType(), m.bytes());
  }

  private static void blob(FakeRegistry registry, HttpExchange ex, FakeRegistry.Request req, String repo,
      String digest) throws IOException {
    byte[] content = registry.blobsOf(repo).get(digest);
    if (content == null) {
      FakeHttp.error(ex, 404, "BLOB_UNKNOWN", "blob unknown to registry");
      return;
    }
    URI redirect = registry.redirectFor(digest);
    if (redirect != null && req.method().equals("GET")) {
      ex.getResponseHeaders().set("Location", redirect.toString());
      FakeHttp.empty(ex, 307);
      return;
    }
    ex.getResponseHeaders().set("Docker-Content-Digest", digest);
    FakeHttp.send(ex, 200, "application/octet-stream", content);
  }

  private static void upload(FakeRegistry registry, HttpExchange ex, FakeRegistry.Request req, String repo,
      String uuid) throws IOException {
    Map<String, ByteArrayOutputStream> uploads = registry.uploads();
    if (req.method().equals("POST") && uuid.isEmpty()) {
      String id = UUID.randomUUID().toString();
      uploads.put(id, new ByteArrayOutputStream());
      // Relative, with a query of its own, as distribution answers: clients must keep it.
      ex.getResponseHeaders().set("Location", "/v2/" + repo + "/blobs/uploads/" + id + "?_state=s-" + id);
      ex.getResponseHeaders().set("Docker-Upload-UUID", id);
      ex.getResponseHeaders().set("Range", "0-0");
      FakeHttp.empty(ex, 202);
      return;
    }
    ByteArrayOutputStream data = uploads.get(uuid);
    if (data == null || !("s-" + uuid).equals(req.params().get("_state"))) {
      FakeHttp.error(ex, 404, "BLOB_UPLOAD_UNKNOWN", "blob upload unknown to registry");
      return;
    }
    data.write(req.body());
    if (req.method().equals("PATCH")) {
      ex.getResponseHeaders().set("Location", "/v2/" + repo + "/blobs/uploads/" + uuid + "?_state=s-" + uuid);
      FakeHttp.empty(ex, 202);
      return;
    }
    String digest = req.params().get("digest");
    byte[] content = data.toByteArray();
    if (digest == null || !Digest.isDigest(digest) || !Digest.of(content).toString().equals(digest)) {
      FakeHttp.error(ex, 400, "DIGEST_INVALID", "provided digest did not match uploaded content");
      return;
    }
    uploads.remove(uuid);
    registry.putBlob(repo, content);
    ex.getResponseHeaders().set("Location", "/v2/" + repo + "/blobs/" + digest);
    ex.getResponseHeaders().set("Docker-Content-Digest", digest);
    FakeHttp.empty(ex, 201);
  }

  /** Paginates as distribution does: sorted, {@code n} per page, {@code last} the previous page's end. */
  private static void tags(FakeRegistry registry, HttpExchange ex, FakeRegistry.Request req, String repo)
      throws IOException {
    List<String> all = registry.tags(repo);
    if (all.isEmpty()) {
      FakeHttp.error(ex, 404, "NAME_UNKNOWN", "repository name not known to registry");
      return;
    }
    Map<String, String> params = req.params();
    int n = params.containsKey("n") ? Integer.parseInt(params.get("n")) : registry.tagPageSize();
    String last = params.get("last");
    List<String> after = last == null ? all : all.stream().filter(t -> t.compareTo(last) > 0).toList();
    List<String> page = n > 0 && after.size() > n ? after.subList(0, n) : after;
    if (page.size() < after.size()) {
      ex.getResponseHeaders().set("Link", "</v2/" + repo + "/tags/list?last=" + page.getLast() + "&n=" + n
          + ">; rel=\"next\"");
    }
    String json = "{\"name\":\"" + repo + "\",\"tags\":["
        + String.join(",", page.stream().map(t -> "\"" + t + "\"").toList()) + "]}";
    FakeHttp.send(ex, 200, "application/json", json);
  }
}
