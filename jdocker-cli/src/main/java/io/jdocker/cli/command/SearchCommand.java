package io.jdocker.cli.command;

import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.client.Query;
import io.jdocker.cli.config.Registries;
import io.jdocker.cli.format.OutputFormat;
import io.jdocker.cli.format.SearchRows;
import io.jdocker.cli.model.JsonFields;
import java.util.List;
import java.util.Map;

/** {@code search}: {@code GET /images/search} shown as docker's NAME/DESCRIPTION/STARS/OFFICIAL table. */
public final class SearchCommand extends ApiCommand {
  private final Flag<List<String>> filter = list("-f,--filter", "filter", "Filter output based on conditions provided");
  private final Flag<String> format = string("--format", "string", "Pretty-print search using a Go template");
  private final Flag<String> limit = string("--limit", "int", "Max number of search results");
  private final Flag<Boolean> noTrunc = bool("--no-trunc", "Don't truncate output");

  public SearchCommand() {
    super("[OPTIONS] TERM", "Search Docker Hub for images");
  }

  @Override
  public Integer call() {
    int max = limit();
    Filters filters = Filters.parse(Flag.all(filter), spec());
    String term = exactly(1).getFirst();
    if (Flag.all(filter).stream().anyMatch(f -> f.strip().toLowerCase(java.util.Locale.ROOT).startsWith("is-automated="))) {
      err().println("WARNING: the \"is-automated\" filter is deprecated, and searching for \"is-automated=true\" will not yield any results in future.");
    }
    Query query = Query.of().put("term", term).put("limit", max > 0 ? String.valueOf(max) : null)
        .put("filters", filters.toQueryValue());
    String auth = dockerConfig().auth(Registries.keyForSearch(term)).encode();
    Object answer = client().json(client().call(HttpRequest.of("GET", "/images/search").withHeader("X-Registry-Auth", auth), query));
    List<Map<String, Object>> results = JsonFields.objects(answer);
    out().print(OutputFormat.render(format.value(), SearchRows.DEFAULT_TABLE, SearchRows.rows(results, !noTrunc.value()),
        SearchRows.header()));
    return 0;
  }

  private int limit() {
    if (limit.value() == null) {
      return 0;
    }
    try {
      return Integer.parseInt(limit.value());
    } catch (NumberFormatException e) {
      throw new UsageException(spec(), "invalid argument \"" + limit.value() + "\" for \"--limit\" flag: "
          + "strconv.ParseInt: parsing \"" + limit.value() + "\": invalid syntax", true);
    }
  }
}
