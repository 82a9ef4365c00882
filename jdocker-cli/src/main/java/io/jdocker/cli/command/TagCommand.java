package io.jdocker.cli.command;

import io.jdocker.cli.CliException;
import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.client.Query;
import io.jdocker.cli.model.ImageReference;
import java.io.IOException;
import java.util.List;

/** {@code tag}, {@code image tag}: {@code POST /images/{source}/tag?repo=…&tag=…}. */
public final class TagCommand extends ApiCommand {
  public TagCommand() {
    super("SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]", "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE");
  }

  @Override
  public Integer call() throws IOException {
    List<String> args = exactly(2);
    ImageReference target;
    try {
      target = ImageReference.parse(args.get(1));
    } catch (IllegalArgumentException e) {
      throw new CliException("Error parsing reference: \"" + args.get(1) + "\" is not a valid repository/tag: " + e.getMessage());
    }
    if (target.digest() != null) {
      throw new CliException("refusing to create a tag with a digest reference");
    }
    Query query = Query.of().put("repo", target.name()).put("tag", target.tagOrLatest());
    client().call(HttpRequest.of("POST", "/images/" + args.get(0) + "/tag"), query).close();
    return 0;
  }
}
