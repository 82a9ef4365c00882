package io.jdocker.daemon.api;

import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.Date;

/** The headers dockerd puts on every response; built once, applied per response. */
public final class ResponseHeaders {
  private static final AsciiString API_VERSION = AsciiString.cached("Api-Version");
  private static final AsciiString EXPERIMENTAL = AsciiString.cached("Docker-Experimental");
  private static final AsciiString OSTYPE = AsciiString.cached("Ostype");
  private static final AsciiString SERVER = AsciiString.cached("Server");
  private static final AsciiString DATE = AsciiString.cached("Date");
  private static final AsciiString MAX_VERSION = AsciiString.cached(ApiVersion.MAX.toString());
  private static final AsciiString FALSE = AsciiString.cached("false");
  private static final AsciiString LINUX = AsciiString.cached("linux");

  private final AsciiString server;

  /** {@code serverVersion} is the daemon's release, e.g. 0.1.0: "Server: jdocker/0.1.0 (linux)". */
  public ResponseHeaders(String serverVersion) {
    this.server = AsciiString.cached("jdocker/" + serverVersion + " (linux)");
  }

  /** dockerd leaves Api-Version off its router-level "page not found" answer. */
  void apply(HttpHeaders headers, boolean withApiVersion) {
    if (withApiVersion) {
      headers.set(API_VERSION, MAX_VERSION);
    }
    headers.set(EXPERIMENTAL, FALSE);
    headers.set(OSTYPE, LINUX);
    headers.set(SERVER, server);
    headers.set(DATE, DateFormatter.format(new Date()));
  }
}
