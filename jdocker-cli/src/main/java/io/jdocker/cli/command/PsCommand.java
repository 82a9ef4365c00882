package io.jdocker.cli.command;

import io.jdocker.cli.client.Query;
import io.jdocker.cli.format.ContainerRows;
import io.jdocker.cli.format.OutputFormat;
import io.jdocker.cli.model.JsonFields;
import java.util.List;
import java.util.Map;

/** {@code ps}, {@code container ls/list/ps}. */
public final class PsCommand extends ApiCommand {
  private final Flag<Boolean> all = bool("-a,--all", "Show all containers (default shows just running)");
  private final Flag<List<String>> filters = list("-f,--filter", "filter", "Filter output based on conditions provided");
  private final Flag<String> format = string("--format", "string", Formats.HELP);
  private final Flag<String> last = string("-n,--last", "int", "Show n last created containers (includes all states) (default -1)");
  private final Flag<Boolean> latest = bool("-l,--latest", "Show the latest created container (includes all states)");
  private final Flag<Boolean> noTrunc = bool("--no-trunc", "Don't truncate output");
  private final Flag<Boolean> quiet = bool("-q,--quiet", "Only display container IDs");
  private final Flag<Boolean> size = bool("-s,--size", "Display total file sizes");

  public PsCommand() {
    super("[OPTIONS]", "List containers");
  }

  @Override
  public Integer call() {
    noArgs();
    int limit = -1;
    if (last.value() != null) {
      try {
        limit = Integer.parseInt(last.value());
      } catch (NumberFormatException e) {
        throw new UsageException(spec(), "invalid argument \"" + last.value() + "\" for \"-n, --last\" flag: "
            + "strconv.ParseInt: parsing \"" + last.value() + "\": invalid syntax", true);
      }
    }
    if (latest.value() && limit == -1) {
      limit = 1;
    }
    String chosen = format.value();
    if (quiet.value() && (chosen == null || chosen.isEmpty())) {
      chosen = ContainerRows.QUIET;
    }
    boolean wantSize = size.value() || (chosen != null && (chosen.contains("Size") || chosen.strip().equals("json")
        || chosen.contains("json .")));
    if (quiet.value() && (format.value() == null || format.value().isEmpty())) {
      wantSize = false;
    }
    Query query = Query.of().flag("all", all.value()).put("limit", limit > 0 ? String.valueOf(limit) : null)
        .flag("size", wantSize).put("filters", Filters.parse(Flag.all(filters), spec()).toQueryValue());
    List<Map<String, Object>> containers = JsonFields.objects(client().getJson("/containers/json", query));
    ContainerRows rows = new ContainerRows(env().clock().instant(), env()::zone, noTrunc.value());
    String table = size.value() ? ContainerRows.SIZE_TABLE : ContainerRows.DEFAULT_TABLE;
    out().print(OutputFormat.render(chosen, table, rows.rows(containers), ContainerRows.header()));
    return 0;
  }
}
