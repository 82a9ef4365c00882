package io.jdocker.daemon.logs;

import io.jdocker.errdefs.InvalidParameterException;
import java.time.Instant;
import java.time.ZoneId;

/**
 * What {@code GET /containers/{id}/logs} asks for.
 *
 * @param tail how many of the last lines to start with; negative for all
 * @param since skip messages before this time (inclusive bound), or null
 * @param until stop at the first message after this time (inclusive bound), or null
 * @param follow after the files, keep delivering live messages until the writer closes
 */
public record LogReadOptions(
    boolean stdout, boolean stderr, int tail, Instant since, Instant until, boolean follow) {
  public LogReadOptions {
    if (!stdout && !stderr) {
      throw new InvalidParameterException("You must choose at least one stream");
    }
  }

  /** Both streams, everything, no follow. */
  public static LogReadOptions all() {
    return new LogReadOptions(true, true, -1, null, null, false);
  }

  /**
   * Builds the options from the API's query values as dockerd reads them: {@code tail} "all",
   * empty, negative or not a number means everything; {@code since}/{@code until} in any form
   * {@link LogTimeArgument} accepts.
   */
  public static LogReadOptions fromQuery(
      boolean stdout, boolean stderr, String tail, String since, String until, boolean follow,
      Instant now, ZoneId zone) {
    return new LogReadOptions(
        stdout,
        stderr,
        parseTail(tail),
        LogTimeArgument.parse("since", since, now, zone),
        LogTimeArgument.parse("until", until, now, zone),
        follow);
  }

  /** dockerd: {@code strconv.Atoi(tail)}, and anything that fails (e.g. "all") means all. */
  public static int parseTail(String tail) {
    if (tail == null) {
      return -1;
    }
    try {
      return Math.max(-1, Integer.parseInt(tail.trim()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  boolean wants(StdStream stream) {
    return stream == StdStream.STDOUT ? stdout : stderr;
  }
}
