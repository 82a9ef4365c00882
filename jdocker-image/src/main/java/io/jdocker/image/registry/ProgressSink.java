package io.jdocker.image.registry;

/**
 * Where pull and push report what they do, in the words and ids of Docker's progress stream; the
 * daemon turns each call into one JSON message.
 */
public interface ProgressSink {
  ProgressSink NONE = new ProgressSink() {
    @Override
    public void message(String id, String status) {}

    @Override
    public void layer(String id, String status, long current, long total) {}
  };

  /** A message without progress detail: {@code {"status":"Pulling from library/busybox","id":"latest"}}; id may be null. */
  void message(String id, String status);

  /**
   * A layer's step, with progress detail: {@code {"status":"Downloading","progressDetail":
   * {"current":c,"total":t},"id":"fb63fa61b33b"}}; current and total are -1 when the step has no
   * count ({@code "progressDetail":{}}). The id is the layer's short (12 hex) digest.
   */
  void layer(String id, String status, long current, long total);

  /**
   * A tag was pushed: Docker's {@code "<tag>: digest: <digest> size: <size>"} status line followed
   * by its {@code aux} message ({@code {"Tag":..,"Digest":..,"Size":..}}).
   */
  default void pushed(String tag, io.jdocker.image.ref.Digest digest, long size) {}
}
