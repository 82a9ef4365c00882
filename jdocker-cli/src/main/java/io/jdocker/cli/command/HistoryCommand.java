package io.jdocker.cli.command;

import io.jdocker.cli.format.HistoryRows;
import io.jdocker.cli.format.OutputFormat;
import io.jdocker.cli.model.HistoryEntry;
import io.jdocker.cli.model.JsonFields;
import java.util.List;

/** {@code history}, {@code image history}. */
public final class HistoryCommand extends ApiCommand {
  private final Flag<String> format = string("--format", "string", Formats.HELP);
  private final Flag<Boolean> human = bool("-H,--human", "Print sizes and dates in human readable format%n(default true)", true);
  private final Flag<Boolean> noTrunc = bool("--no-trunc", "Don't truncate output");
  private final Flag<Boolean> quiet = bool("-q,--quiet", "Only show image IDs");

  public HistoryCommand() {
    super("[OPTIONS] IMAGE", "Show the history of an image");
  }

  @Override
  public Integer call() {
    String image = exactly(1).getFirst();
    List<HistoryEntry> entries = JsonFields.objects(client().getJson("/images/" + image + "/history", null))
        .stream().map(HistoryEntry::from).toList();
    HistoryRows rows = new HistoryRows(env().clock().instant(), env()::zone, human.value(), noTrunc.value());
    String chosen = quiet.value() ? HistoryRows.QUIET : format.value();
    out().print(OutputFormat.render(chosen, HistoryRows.DEFAULT_TABLE, rows.rows(entries), rows.header()));
    return 0;
  }
}
