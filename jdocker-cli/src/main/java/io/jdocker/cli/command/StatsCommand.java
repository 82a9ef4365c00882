package io.jdocker.cli.command;

import io.jdocker.cli.CliException;
import io.jdocker.cli.client.Query;
import io.jdocker.cli.format.ImageRows;
import io.jdocker.cli.format.OutputFormat;
import io.jdocker.cli.format.StatsRows;
import io.jdocker.cli.model.JsonFields;
import java.util.List;
import java.util.Map;

/**
 * {@code stats}, {@code container stats}: the named containers' usage, or every running one's
 * (all with {@code -a}), kept up to date from container events. Without {@code --no-stream} the
 * table is redrawn every half second until interrupted.
 */
public final class StatsCommand extends ApiCommand {
  /** docker's refresh period (its stats arrive once a second). */
  private static final long REFRESH_MILLIS = 500;
  /** The status a shell shows for docker killed by SIGPIPE when its reader went away. */
  private static final int BROKEN_PIPE = 141;

  private final Flag<Boolean> all = bool("-a,--all", "Show all containers (default shows just running)");
  private final Flag<String> format = string("--format", "string", Formats.HELP);
  private final Flag<Boolean> noStream = bool("--no-stream", "Disable streaming stats and only pull the first result");
  private final Flag<Boolean> noTrunc = bool("--no-trunc", "Do not truncate output");

  public StatsCommand() {
    super("[OPTIONS] [CONTAINER...]", "Display a live stream of container(s) resource usage statistics");
  }

  @Override
  public Integer call() throws InterruptedException {
    client().version(); // an unreachable daemon fails here, as for every other command
    boolean streaming = !noStream.value();
    boolean showAll = args().isEmpty();
    try (StatsBoard board = new StatsBoard(streaming, client()::fork);
         ContainerEventFollower events = showAll ? followEvents(board) : null) {
      if (showAll) {
        // Subscribed before listing, so a container started in between is not missed.
        events.start();
        Query query = Query.of().flag("all", all.value());
        for (Map<String, Object> c : JsonFields.objects(client().getJson("/containers/json", query))) {
          board.add(ImageRows.shortId(JsonFields.string(c, "Id")));
        }
        board.awaitFirstSamples();
      } else {
        args().forEach(board::add);
        board.awaitFirstSamples();
        List<String> errors = board.errors();
        if (!errors.isEmpty()) {
          throw new CliException(String.join("\n", errors));
        }
      }
      if (!streaming) {
        out().print(table(board));
        return 0;
      }
      return redraw(board, events);
    }
  }

  /** docker's event handlers: start adds, create adds with -a, die removes without -a. */
  private ContainerEventFollower followEvents(StatsBoard board) {
    boolean everyContainer = all.value();
    return new ContainerEventFollower(client().fork(), (action, id) -> {
      String shortId = ImageRows.shortId(id);
      if (action.equals("start") || action.equals("create") && everyContainer) {
        board.add(shortId);
      } else if (action.equals("die") && !everyContainer) {
        board.remove(shortId);
      }
    });
  }

  /** Redraws until interrupted, stdout goes away, or (listing all) the event stream ends. */
  private int redraw(StatsBoard board, ContainerEventFollower events) throws InterruptedException {
    while (true) {
      Thread.sleep(REFRESH_MILLIS);
      out().print(frame(table(board)));
      if (out().checkError()) {
        return BROKEN_PIPE;
      }
      if (events != null && events.ended()) {
        String error = events.endError();
        if (error != null) {
          throw new CliException(error);
        }
        return 0;
      }
    }
  }

  private String table(StatsBoard board) {
    return OutputFormat.render(format.value(), StatsRows.DEFAULT_TABLE, StatsRows.rows(board.entries(), !noTrunc.value()),
        StatsRows.header());
  }

  /**
   * One redraw, byte for byte as docker 28 writes it, terminal or not: cursor home and the table,
   * then home again and each line of that text followed by " ESC[K" (erase the rest of a longer
   * old line), and ESC[J to clear rows left from a longer old table.
   */
  static String frame(String table) {
    String text = "\033[H" + table;
    StringBuilder sb = new StringBuilder(text);
    for (String line : text.split("\n", -1)) {
      sb.append(line).append(" \033[K\n");
    }
    return sb.append("\033[J").toString();
  }
}
