package io.jdocker.daemon.api;

/** One request/response pair of {@link ApiDispatcher}; fields are touched on the event loop only. */
final class Exchange {
  final boolean keepAlive;
  final boolean upgrade;
  HijackedConnection hijack;
  RequestBodyStream body;
  HttpApiRequest request;
  boolean requestComplete;
  boolean responseComplete;
  /** Reading the socket waits for the handler to drain the body or the hijacked input. */
  boolean bodyPaused;

  Exchange(boolean keepAlive, boolean upgrade) {
    this.keepAlive = keepAlive;
    this.upgrade = upgrade;
  }

  /** Raw bytes, not HTTP, follow the request on this connection. */
  boolean raw() {
    return upgrade || hijack != null;
  }
}
