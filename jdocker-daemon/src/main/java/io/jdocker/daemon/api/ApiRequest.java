package io.jdocker.daemon.api;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/** A parsed API request as handlers see it: path variables, query, headers and a streamed body. */
public interface ApiRequest {
  String method();

  /** The path without the version prefix, e.g. {@code /images/busybox/json}. */
  String path();

  /** The API version the client asked for (the prefix), or the daemon's maximum when absent. */
  ApiVersion version();

  /** A variable of the matched route pattern, URL-decoded. */
  String pathParam(String name);

  /** First value of a query parameter, URL-decoded. */
  Optional<String> query(String name);

  List<String> queryAll(String name);

  /**
   * dockerd's rule: absent gives the default; "", "0", "no", "false", "none" (any case) are
   * false; anything else is true (docker-py sends True/False).
   */
  boolean queryBool(String name, boolean defaultValue);

  /** An integer query parameter; a non-number is an InvalidParameterException. */
  long queryLong(String name, long defaultValue);

  /** The {@code filters} query parameter, parsed; empty when absent. */
  Filters filters();

  Optional<String> header(String name);

  /** The request body as it arrives (may be a multi-GB chunked tar); empty stream when none. */
  InputStream body();

  /** The body parsed as JSON; empty or malformed bodies are an InvalidParameterException. */
  <T> T bodyJson(Class<T> type);

  /**
   * Runs {@code callback} (on the event loop: keep it short, e.g. wake a queue) when the client
   * closes or half-closes its connection, as Go's server cancels the request context; at once if
   * it already has. Long-polls ({@code events}, {@code wait}, {@code logs -f}) use it to stop.
   * Once the connection is hijacked only a full close counts ({@link Hijack#onClientClosed}).
   */
  default void onDisconnect(Runnable callback) {}
}
