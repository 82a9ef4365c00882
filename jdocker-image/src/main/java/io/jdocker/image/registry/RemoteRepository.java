package io.jdocker.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.image.oci.Json;
import io.jdocker.image.ref.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One repository of a registry over the Distribution API, through an authenticated session. */
final class RemoteRepository implements RegistryRepository {
  private static final Duration API_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration HEADERS_TIMEOUT = Duration.ofMinutes(2);
  private static final int MAX_MANIFEST = 4 * 1024 * 1024;
  private static final int MAX_TAGS_PAGE = 16 * 1024 * 1024;
  private static final Pattern NEXT_LINK = Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?next\"?");

  private final RegistrySession session;
  private final String path;

  RemoteRepository(RegistrySession session, String path) {
    this.session = session;
    this.path = path;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public FetchedManifest manifest(String tagOrDigest) throws IOException {
    Digest requested = Digest.isDigest(tagOrDigest) ? Digest.parse(tagOrDigest) : null;
    URI uri = session.v2(path + "/manifests/" + tagOrDigest);
    HttpResponse<InputStream> response =
        session.send(RegistrySession.Call.get(uri, Map.of("Accept", ManifestBytes.ACCEPT), API_TIMEOUT));
    if (response.statusCode() != 200) {
      throw RegistryErrors.of(response, RegistryErrors.MANIFEST_UNKNOWN);
    }
    byte[] bytes = readLimited(response, MAX_MANIFEST, "manifest");
    return ManifestBytes.check(
        response.headers().firstValue("Content-Type").orElse(null),
        bytes,
        requested,
        response.headers().firstValue("Docker-Content-Digest").orElse(null));
  }

  @Override
  public List<String> tags() throws IOException {
    List<String> tags = new ArrayList<>();
    Set<URI> seen = new HashSet<>();
    URI next = session.v2(path + "/tags/list");
    while (next != null && seen.add(next)) {
      HttpResponse<InputStream> response = session.send(RegistrySession.Call.get(next, Map.of(), API_TIMEOUT));
      if (response.statusCode() != 200) {
        throw RegistryErrors.of(response, RegistryErrors.NAME_UNKNOWN);
      }
      JsonNode page = parse(readLimited(response, MAX_TAGS_PAGE, "tags list"), "tags list");
      JsonNode list = page.get("tags");
      if (list != null && list.isArray()) {
        list.forEach(t -> tags.add(t.asText()));
      } else if (list != null && !list.isNull()) {
        throw new InvalidParameterException("malformed tags list from " + next + ": tags is not an array");
      }
      next = nextPage(next, response.headers().firstValue("Link").orElse(null));
    }
    return tags;
  }

  /** The {@code rel="next"} target of a Link header, resolved against the page it came with. */
  static URI nextPage(URI current, String link) {
    if (link == null) {
      return null;
    }
    Matcher m = NEXT_LINK.matcher(link);
    return m.find() ? current.resolve(m.group(1)) : null;
  }

  @Override
  public BlobStream blob(Digest digest) throws IOException {
    URI uri = session.v2(path + "/blobs/" + digest);
    // The JDK's request timeout ends when the headers arrive: a slow, large body is not cut off.
    HttpResponse<InputStream> response = session.send(RegistrySession.Call.get(uri, Map.of(), HEADERS_TIMEOUT));
    if (response.statusCode() != 200) {
      throw RegistryErrors.of(response, RegistryErrors.BLOB_UNKNOWN);
    }
    long size = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    return new BlobStream(response.body(), size);
  }

  @Override
  public boolean hasBlob(Digest digest) throws IOException {
    URI uri = session.v2(path + "/blobs/" + digest);
    HttpResponse<InputStream> response =
        session.send(new RegistrySession.Call("HEAD", uri, null, Map.of(), API_TIMEOUT));
    return switch (response.statusCode()) {
      case 200 -> close(response, true);
      case 404 -> close(response, false);
      default -> throw RegistryErrors.of(response, RegistryErrors.BLOB_UNKNOWN);
    };
  }

  @Override
  public void uploadBlob(Digest digest, Path file, LongConsumer sent) throws IOException {
    URI start = session.v2(path + "/blobs/uploads/");
    HttpResponse<InputStream> started = session.send(new RegistrySession.Call(
        "POST", start, HttpRequest.BodyPublishers.noBody(), Map.of(), API_TIMEOUT));
    if (started.statusCode() != 202) {
      throw RegistryErrors.of(started, RegistryErrors.NAME_UNKNOWN);
    }
    String location = started.headers().firstValue("Location").orElse(null);
    started.body().close();
    if (location == null || location.isEmpty()) {
      throw new InvalidParameterException("registry did not return an upload location for " + start);
    }
    URI target = withDigest(start.resolve(location), digest);
    HttpRequest.BodyPublisher body = new CountingBodyPublisher(HttpRequest.BodyPublishers.ofFile(file), sent);
    // No timeout: the JDK's would run while the body is still being sent.
    HttpResponse<InputStream> put = session.send(new RegistrySession.Call(
        "PUT", target, body, Map.of("Content-Type", "application/octet-stream"), null));
    if (put.statusCode() != 201 && put.statusCode() != 204) {
      throw RegistryErrors.of(put, "blob upload unknown: blob upload unknown to registry");
    }
    put.body().close();
  }

  /** The upload location with {@code digest=} added, keeping the query the registry put there. */
  static URI withDigest(URI location, Digest digest) {
    String s = location.toString();
    String fragment = "";
    int hash = s.indexOf('#');
    if (hash >= 0) {
      fragment = s.substring(hash);
      s = s.substring(0, hash);
    }
    String sep = location.getRawQuery() == null ? "?" : s.endsWith("&") || s.endsWith("?") ? "" : "&";
    return URI.create(s + sep + "digest=" + URLEncoder.encode(digest.toString(), StandardCharsets.UTF_8) + fragment);
  }

  @Override
  public Digest putManifest(String tag, String mediaType, byte[] bytes) throws IOException {
    URI uri = session.v2(path + "/manifests/" + tag);
    HttpResponse<InputStream> response = session.send(new RegistrySession.Call(
        "PUT", uri, HttpRequest.BodyPublishers.ofByteArray(bytes), Map.of("Content-Type", mediaType), API_TIMEOUT));
    if (response.statusCode() != 201 && response.statusCode() != 200) {
      throw RegistryErrors.of(response, RegistryErrors.NAME_UNKNOWN);
    }
    response.body().close();
    String announced = response.headers().firstValue("Docker-Content-Digest").orElse(null);
    return Digest.isDigest(announced) ? Digest.parse(announced) : Digest.of(bytes);
  }

  private static byte[] readLimited(HttpResponse<InputStream> response, int limit, String what) throws IOException {
    try (InputStream in = response.body()) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw new InvalidParameterException(what + " from " + response.uri() + " is larger than " + limit + " bytes");
      }
      return bytes;
    }
  }

  private static JsonNode parse(byte[] bytes, String what) {
    try {
      JsonNode node = Json.MAPPER.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new InvalidParameterException("malformed " + what + ": not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new InvalidParameterException("malformed " + what + ": " + e.getMessage());
    }
  }

  private static boolean close(HttpResponse<InputStream> response, boolean answer) throws IOException {
    response.body().close();
    return answer;
  }
}
