package io.jdocker.cli.command;

import io.jdocker.cli.model.JsonFields;
import java.util.Map;

/** {@code diff}: changed paths as "C /etc", "A /new", "D /gone". */
public final class DiffCommand extends ApiCommand {
  public DiffCommand() {
    super("CONTAINER", "Inspect changes to files or directories on a container's filesystem");
  }

  @Override
  public Integer call() {
    exactly(1);
    for (Map<String, Object> change : JsonFields.objects(client().getJson("/containers/" + args().getFirst() + "/changes", null))) {
      long kind = JsonFields.number(change, "Kind", 0);
      String letter = kind == 1 ? "A" : kind == 2 ? "D" : "C";
      out().println(letter + " " + JsonFields.string(change, "Path"));
    }
    return 0;
  }
}
