package io.jdocker.daemon.api.testing;

import io.jdocker.daemon.api.ApiRequest;
import io.jdocker.daemon.api.ApiVersion;
import io.jdocker.daemon.api.Filters;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A hand-built request for handler tests. */
public final class FakeRequest implements ApiRequest {
  private final String method;
  private final String path;
  private final Map<String, String> params = new LinkedHashMap<>();
  private final Map<String, List<String>> query = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private byte[] body = new byte[0];
  private ApiVersion version = ApiVersion.MAX;

  public FakeRequest(String method, String path) {
    this.method = method;
    this.path = path;
  }

  public FakeRequest param(String name, String value) {
    params.put(name, value);
    return this;
  }

  public FakeRequest query(String name, String value) {
    query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    return this;
  }

  public FakeRequest header(String name, String value) {
    headers.put(name.toLowerCase(Locale.ROOT), value);
    return this;
  }

  public FakeRequest body(byte[] content) {
    body = content;
    return this;
  }

  public FakeRequest version(ApiVersion v) {
    version = v;
    return this;
  }

  @Override public String method() { return method; }
  @Override public String path() { return path; }
  @Override public ApiVersion version() { return version; }
  @Override public String pathParam(String name) { return params.get(name); }
  @Override public Optional<String> query(String name) { return queryAll(name).stream().findFirst(); }
  @Override public List<String> queryAll(String name) { return query.getOrDefault(name, List.of()); }

  @Override
  public boolean queryBool(String name, boolean defaultValue) {
    return query(name).map(v -> !List.of("", "0", "no", "false", "none").contains(v.toLowerCase(Locale.ROOT)))
        .orElse(defaultValue);
  }

  @Override
  public long queryLong(String name, long defaultValue) {
    return query(name).map(Long::parseLong).orElse(defaultValue);
  }

  @Override public Filters filters() { return Filters.parse(query("filters").orElse(null)); }
  @Override
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }
  @Override public InputStream body() { return new ByteArrayInputStream(body); }

  @Override
  public <T> T bodyJson(Class<T> type) {
    try {
      return io.jdocker.daemon.api.ApiJson.mapper().readValue(body, type);
    } catch (java.io.IOException e) {
      throw new io.jdocker.errdefs.InvalidParameterException("invalid JSON: " + e.getMessage());
    }
  }
}
