package io.jdocker.daemon.api;

import java.io.OutputStream;

/** How a handler answers. Exactly one of the methods is called once per request. */
public interface ApiResponse {
  /** A JSON body (Jackson-serialised, terminated by '\n' as Go's json.Encoder does). */
  void json(int status, Object body);

  /** No body: 201, 204, 304 or 200 with Content-Length 0. */
  void empty(int status);

  /** A small non-JSON body. */
  void text(int status, String contentType, String body);

  /** Adds a response header; call before json/empty/text/stream. */
  ApiResponse header(String name, String value);

  /**
   * Starts a chunked response and flushes its headers at once (clients such as {@code docker run}
   * wait for them). Every {@code flush()} of the returned stream sends what was written as a
   * chunk; {@code close()} ends the response. Writes after the client went away throw IOException.
   */
  OutputStream stream(int status, String contentType);

  /** A chunked stream of JSON messages (pull/load/build progress), each followed by "\r\n". */
  JsonStream jsonStream(int status);

  /**
   * Takes the connection over for a raw stream (attach, exec start). When the request asked for
   * {@code Upgrade: tcp} the client gets {@code 101 UPGRADED} with {@code Content-Type:
   * contentType}, {@code Connection: Upgrade} and {@code Upgrade: tcp}; otherwise {@code 200 OK}
   * with the content type and no length (curl). Headers added with {@link #header} are sent too,
   * the daemon's common headers are not (as dockerd). Read a request body (exec start's JSON)
   * before calling this. Errors must be answered with the other methods, before hijacking.
   *
   * @param contentType {@code application/vnd.docker.raw-stream} for a TTY, otherwise (API 1.42
   *     and later) {@code application/vnd.docker.multiplexed-stream}
   */
  default Hijack hijack(String contentType) {
    throw new UnsupportedOperationException("this response cannot be hijacked");
  }
}
