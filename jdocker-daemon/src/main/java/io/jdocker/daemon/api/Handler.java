package io.jdocker.daemon.api;

/**
 * One API operation. Runs on a blocking executor, never on the Netty event loop, so it may read
 * the request body and write a streamed response synchronously. Throw an
 * {@link io.jdocker.errdefs.EngineException} subclass for failures; {@link ApiErrors} picks the
 * status.
 */
@FunctionalInterface
public interface Handler {
  void handle(ApiRequest request, ApiResponse response) throws Exception;
}
