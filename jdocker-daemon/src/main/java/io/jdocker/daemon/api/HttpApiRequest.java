package io.jdocker.daemon.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.jdocker.errdefs.InvalidParameterException;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@link ApiRequest} over a Netty request head and a streamed body. */
final class HttpApiRequest implements ApiRequest {
  private final HttpRequest head;
  private final RequestTarget target;
  private final Map<String, String> rawParams;
  private final InputStream body;
  private final List<Runnable> disconnectCallbacks = new ArrayList<>(1);
  private Map<String, List<String>> query;
  private Filters filters;
  private boolean disconnected;

  HttpApiRequest(HttpRequest head, RequestTarget target, Map<String, String> rawParams, InputStream body) {
    this.head = head;
    this.target = target;
    this.rawParams = rawParams;
    this.body = body;
  }

  @Override
  public String method() {
    return head.method().name();
  }

  @Override
  public String path() {
    return decodePath(target.path());
  }

  @Override
  public ApiVersion version() {
    return target.version();
  }

  @Override
  public String pathParam(String name) {
    String raw = rawParams.get(name);
    if (raw == null) {
      throw new IllegalArgumentException("route has no variable {" + name + "}");
    }
    return decodePath(raw);
  }

  @Override
  public Optional<String> query(String name) {
    List<String> values = queryParams().get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
  }

  @Override
  public List<String> queryAll(String name) {
    return queryParams().getOrDefault(name, List.of());
  }

  @Override
  public boolean queryBool(String name, boolean defaultValue) {
    Optional<String> value = query(name);
    if (value.isEmpty()) {
      return defaultValue;
    }
    return switch (value.get().toLowerCase(Locale.ROOT)) {
      case "", "0", "no", "false", "none" -> false;
      default -> true;
    };
  }

  @Override
  public long queryLong(String name, long defaultValue) {
    Optional<String> value = query(name);
    if (value.isEmpty() || value.get().isEmpty()) {
      return defaultValue;
    }
    try {
      return Long.parseLong(value.get());
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(
          "invalid value for query parameter \"" + name + "\": \"" + value.get() + "\" is not an integer");
    }
  }

  @Override
  public synchronized Filters filters() {
    if (filters == null) {
      filters = Filters.parse(query("filters").orElse(null));
    }
    return filters;
  }

  @Override
  public Optional<String> header(String name) {
    return Optional.ofNullable(head.headers().get(name));
  }

  @Override
  public InputStream body() {
    return body;
  }

  @Override
  public <T> T bodyJson(Class<T> type) {
    try (JsonParser parser = ApiJson.mapper().createParser(body)) {
      if (parser.nextToken() == null) {
        throw new InvalidParameterException("invalid JSON: got EOF while trying to decode request body");
      }
      T value = ApiJson.mapper().readValue(parser, type);
      if (value == null) {
        throw new InvalidParameterException("invalid JSON: request body is null");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new InvalidParameterException("invalid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidParameterException("invalid JSON: could not read request body: " + e.getMessage(), e);
    }
  }

  @Override
  public void onDisconnect(Runnable callback) {
    synchronized (disconnectCallbacks) {
      if (!disconnected) {
        disconnectCallbacks.add(callback);
        return;
      }
    }
    callback.run();
  }

  /** The client went away (closed, reset or half-closed its side, as Go's server sees it). */
  void disconnected() {
    List<Runnable> callbacks;
    synchronized (disconnectCallbacks) {
      if (disconnected) {
        return;
      }
      disconnected = true;
      callbacks = List.copyOf(disconnectCallbacks);
    }
    callbacks.forEach(Runnable::run);
  }

  private synchronized Map<String, List<String>> queryParams() {
    if (query == null) {
      query = target.rawQuery().isEmpty()
          ? Map.of()
          : new QueryStringDecoder(target.rawQuery(), StandardCharsets.UTF_8, false).parameters();
    }
    return query;
  }

  /** Percent-decoding for paths: unlike in queries, '+' is a plus sign. */
  static String decodePath(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("invalid escape in path \"" + raw + "\"");
    }
  }
}
