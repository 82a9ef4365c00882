package io.jdocker.daemon.api.images;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiResponse;
import io.jdocker.daemon.api.AuthConfigs;
import io.jdocker.daemon.api.Handler;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.image.registry.SearchResult;

/** {@code GET /images/search?term=&limit=&filters=} → a JSON array of hits. */
final class ImagesSearchHandler implements Handler {
  private final RegistryBackend registry;

  ImagesSearchHandler(RegistryBackend registry) {
    this.registry = registry;
  }

  /** moby's registry.SearchResult, in its field order. */
  @JsonPropertyOrder({"star_count", "is_official", "name", "is_automated", "description"})
  record Hit(@JsonProperty("star_count") int starCount, @JsonProperty("is_official") boolean official,
      @JsonProperty("name") String name, @JsonProperty("is_automated") boolean automated,
      @JsonProperty("description") String description) {
    static Hit of(SearchResult r) {
      return new Hit(r.starCount(), r.official(), r.name(), r.automated(),
          r.description() == null ? "" : r.description());
    }
  }

  @Override
  public void handle(ApiRequest request, ApiResponse response) throws Exception {
    int limit = limit(request.query("limit").orElse(""));
    var hits = registry.search(request.query("term").orElse(""), limit, request.filters(),
        AuthConfigs.fromHeader(request));
    response.json(200, hits.stream().map(Hit::of).toList());
  }

  /**
   * dockerd's parsing: absent is 0 (the default); a non-number is refused here; a negative number
   * passes on to the range check ("limit -1 is outside the range of [1, 100]").
   */
  static int limit(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(
          "invalid limit specified: strconv.Atoi: parsing \"" + text + "\": invalid syntax");
    }
  }
}
