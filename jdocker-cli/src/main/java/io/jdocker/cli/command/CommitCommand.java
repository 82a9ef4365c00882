package io.jdocker.cli.command;

import io.jdocker.cli.CliException;
import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.client.Query;
import io.jdocker.cli.model.ImageReference;
import io.jdocker.cli.model.JsonFields;
import java.util.List;
import java.util.Map;

/**
 * {@code commit}, {@code container commit}: {@code POST /commit} with no body. As the docker CLI,
 * the reference is checked and normalised here ({@code repo=docker.io/library/name},
 * {@code tag=latest} when none), every text parameter is sent even when empty, and
 * {@code pause=0} only for {@code --pause=false}. Prints the new image's ID.
 */
public final class CommitCommand extends ApiCommand {
  private final Flag<String> author = string("-a,--author", "string",
      "Author (e.g., \"John Hannibal Smith%n<hannibal@a-team.com>\")");
  private final Flag<List<String>> changes = list("-c,--change", "list", "Apply Dockerfile instruction to the created image");
  private final Flag<String> message = string("-m,--message", "string", "Commit message");
  private final Flag<Boolean> pause = bool("-p,--pause", "Pause container during commit (default true)", true);

  public CommitCommand() {
    super("[OPTIONS] CONTAINER [REPOSITORY[:TAG]]", "Create a new image from a container's changes");
  }

  @Override
  public Integer call() {
    List<String> args = between(1, 2);
    String repo = "";
    String tag = "";
    if (args.size() > 1) {
      ImageReference ref = reference(args.get(1));
      repo = ref.fullName();
      tag = ref.tagOrLatest();
    }
    Query query = Query.of().put("container", args.getFirst()).put("repo", repo).put("tag", tag)
        .put("comment", orEmpty(message.value())).put("author", orEmpty(author.value()));
    Flag.all(changes).forEach(c -> query.add("changes", c));
    if (!pause.value()) {
      query.put("pause", "0");
    }
    Map<String, Object> created = JsonFields.object(client().json(client().call(HttpRequest.of("POST", "/commit"), query)));
    out().println(JsonFields.string(created, "Id"));
    return 0;
  }

  private static ImageReference reference(String text) {
    ImageReference ref;
    try {
      ref = ImageReference.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
    if (ref.digest() != null) {
      throw new CliException("refusing to create a tag with a digest reference");
    }
    return ref;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
