package io.jdocker.daemon.logs;

/** The container output stream a log message came from, with its json-file name and frame type. */
public enum StdStream {
  STDOUT("stdout", 1),
  STDERR("stderr", 2);

  private final String jsonName;
  private final int frameType;

  StdStream(String jsonName, int frameType) {
    this.jsonName = jsonName;
    this.frameType = frameType;
  }

  /** The value of the {@code "stream"} field in a json-file line. */
  public String jsonName() {
    return jsonName;
  }

  /** The first byte of a multiplexed stream frame header (1 = stdout, 2 = stderr). */
  public int frameType() {
    return frameType;
  }
}
