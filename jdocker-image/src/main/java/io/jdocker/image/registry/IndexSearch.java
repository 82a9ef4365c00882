package io.jdocker.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.UnavailableException;
import io.jdocker.image.oci.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The v1 search API of a registry index ({@code GET /v1/search?q=&n=}), as dockerd calls it. */
final class IndexSearch {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final int MAX_BODY = 16 * 1024 * 1024;

  private final RegistryHttp http;
  private final EndpointProbe probe;
  private final RegistryHosts hosts;

  IndexSearch(RegistryHttp http, EndpointProbe probe, RegistryHosts hosts) {
    this.http = http;
    this.probe = probe;
    this.hosts = hosts;
  }

  List<SearchResult> search(String indexHost, String term, int limit, RegistryAuth credentials) throws IOException {
    RegistryAuth auth = credentials == null ? RegistryAuth.ANONYMOUS : credentials;
    String query = "q=" + URLEncoder.encode(term, StandardCharsets.UTF_8) + (limit > 0 ? "&n=" + limit : "");
    byte[] body = probe.firstReachable(indexHost, hosts.indexEndpoints(indexHost), (base, skipVerify) -> {
      URI uri = URI.create(base + "/v1/search?" + query);
      HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(TIMEOUT)
          .header("User-Agent", RegistryHttp.USER_AGENT);
      if (auth.registryToken() != null && !auth.registryToken().isEmpty()) {
        b.header("Authorization", "Bearer " + auth.registryToken());
      } else if (auth.hasBasicCredentials()) {
        b.header("Authorization", TokenService.basic(auth));
      }
      HttpResponse<InputStream> response = http.send(b.build(), skipVerify);
      try (InputStream in = response.body()) {
        if (response.statusCode() != 200) {
          // dockerd's words for an index that has no v1 search (distribution answers 404).
          throw new UnavailableException("Unexpected status code " + response.statusCode());
        }
        return in.readNBytes(MAX_BODY);
      }
    });
    return parse(body);
  }

  private static List<SearchResult> parse(byte[] body) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new InvalidParameterException("error decoding search results: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new InvalidParameterException("error decoding search results: not a JSON object");
    }
    List<SearchResult> results = new ArrayList<>();
    for (JsonNode r : root.path("results")) {
      results.add(new SearchResult(
          r.path("name").asText(""),
          r.path("description").asText(""),
          r.path("star_count").asInt(0),
          r.path("is_official").asBoolean(false),
          r.path("is_automated").asBoolean(false)));
    }
    return results;
  }
}
