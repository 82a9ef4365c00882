package io.jdocker.cli.command;

import io.jdocker.cli.client.Query;
import io.jdocker.cli.format.TabWriter;
import io.jdocker.cli.model.JsonFields;
import java.util.List;
import java.util.Map;

/** {@code top CONTAINER [ps OPTIONS]}: the daemon's ps table, aligned as docker's top does (min width 20). */
public final class TopCommand extends ApiCommand {
  public TopCommand() {
    super("CONTAINER [ps OPTIONS]", "Display the running processes of a container");
    spec().parser().stopAtPositional(true);
  }

  @Override
  public Integer call() {
    atLeast(1);
    String psArgs = String.join(" ", args().subList(1, args().size()));
    Query query = Query.of().put("ps_args", psArgs.isEmpty() ? null : psArgs);
    Map<String, Object> top = JsonFields.object(client().getJson("/containers/" + args().getFirst() + "/top", query));
    StringBuilder sb = new StringBuilder(String.join("\t", JsonFields.strings(top, "Titles"))).append('\n');
    if (top.get("Processes") instanceof List<?> processes) {
      for (Object row : processes) {
        sb.append(String.join("\t", ((List<?>) row).stream().map(String::valueOf).toList())).append('\n');
      }
    }
    out().print(new TabWriter(20, 3).format(sb.toString()));
    return 0;
  }
}
