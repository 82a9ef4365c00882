package io.jdocker.cli.command;

import io.jdocker.cli.client.DaemonException;
import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.client.Query;
import io.jdocker.cli.model.JsonFields;
import java.util.Map;

/** {@code rmi}, {@code image rm}: removes each image, reports every failure, exits 1 if any. */
public final class RmiCommand extends ApiCommand {
  private final Flag<Boolean> force = bool("-f,--force", "Force removal of the image");
  private final Flag<Boolean> noPrune = bool("--no-prune", "Do not delete untagged parents");

  public RmiCommand() {
    super("[OPTIONS] IMAGE [IMAGE...]", "Remove one or more images");
  }

  @Override
  public Integer call() {
    Query query = Query.of().flag("force", force.value()).flag("noprune", noPrune.value());
    boolean failed = false;
    for (String image : atLeast(1)) {
      try {
        Object deleted = client().json(client().call(HttpRequest.of("DELETE", "/images/" + image), query));
        for (Map<String, Object> item : JsonFields.objects(deleted)) {
          if (!JsonFields.string(item, "Untagged").isEmpty()) {
            out().println("Untagged: " + JsonFields.string(item, "Untagged"));
          }
          if (!JsonFields.string(item, "Deleted").isEmpty()) {
            out().println("Deleted: " + JsonFields.string(item, "Deleted"));
          }
        }
      } catch (DaemonException e) {
        err().println("Error response from daemon: " + e.getMessage());
        failed = true;
      }
    }
    return failed ? 1 : 0;
  }
}
