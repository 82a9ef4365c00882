package io.jdocker.cli.command;

import io.jdocker.cli.client.Query;
import io.jdocker.cli.format.ImageRows;
import io.jdocker.cli.format.OutputFormat;
import io.jdocker.cli.model.ImageSummary;
import io.jdocker.cli.model.JsonFields;
import java.util.List;

/** {@code images}, {@code image ls}, {@code image list}. */
public final class ImagesCommand extends ApiCommand {
  private final Flag<Boolean> all = bool("-a,--all", "Show all images (default hides intermediate images)");
  private final Flag<Boolean> digests = bool("--digests", "Show digests");
  private final Flag<List<String>> filters = list("-f,--filter", "filter", "Filter output based on conditions provided");
  private final Flag<String> format = string("--format", "string", Formats.HELP);
  private final Flag<Boolean> noTrunc = bool("--no-trunc", "Don't truncate output");
  private final Flag<Boolean> quiet = bool("-q,--quiet", "Only show image IDs");

  public ImagesCommand() {
    super("[OPTIONS] [REPOSITORY[:TAG]]", "List images");
  }

  @Override
  public Integer call() {
    List<String> args = atMost(1);
    Filters f = Filters.parse(Flag.all(filters), spec());
    if (!args.isEmpty()) {
      f.add("reference", args.getFirst());
    }
    Query query = Query.of().flag("all", all.value()).put("filters", f.toQueryValue());
    List<ImageSummary> images = JsonFields.objects(client().getJson("/images/json", query)).stream()
        .map(ImageSummary::from).toList();
    ImageRows rows = new ImageRows(env().clock().instant(), env()::zone, noTrunc.value(), digests.value());
    String table = digests.value() ? ImageRows.DIGEST_TABLE : ImageRows.DEFAULT_TABLE;
    String chosen = quiet.value() ? ImageRows.QUIET : format.value();
    out().print(OutputFormat.render(chosen, table, rows.rows(images), ImageRows.header()));
    return 0;
  }
}
