package io.jdocker.cli.command;

import io.jdocker.cli.CliException;
import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.client.Query;
import io.jdocker.cli.model.ImageReference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** {@code import}, {@code image import}: {@code POST /images/create?fromSrc=-} with the tar streamed. */
public final class ImportCommand extends ApiCommand {
  private final Flag<List<String>> changes = list("-c,--change", "list", "Apply Dockerfile instruction to the created image");
  private final Flag<String> message = string("-m,--message", "string", "Set commit message for imported image");
  private final Flag<String> platform = string("--platform", "string", "Set platform if server is multi-platform capable");

  public ImportCommand() {
    super("[OPTIONS] file|URL|- [REPOSITORY[:TAG]]", "Import the contents from a tarball to create a filesystem image");
  }

  @Override
  public Integer call() throws IOException {
    List<String> args = between(1, 2);
    String source = args.get(0);
    String repository = args.size() > 1 ? args.get(1) : null;
    if (repository != null) {
      try {
        ImageReference.parse(repository);
      } catch (IllegalArgumentException e) {
        throw new CliException(e.getMessage());
      }
    }
    boolean url = source.startsWith("http://") || source.startsWith("https://");
    Query query = Query.of().put("fromSrc", url ? source : "-").put("repo", repository)
        .put("message", message.value()).put("platform", platform.value());
    Flag.all(changes).forEach(c -> query.add("changes", c));
    HttpRequest request = HttpRequest.of("POST", "/images/create");
    if (url) {
      JsonMessages.display(client().call(request, query), JsonMessages.Output.stdout(env()));
      return 0;
    }
    // Only a file we opened is closed; the process's stdin stays open.
    try (InputStream file = source.equals("-") ? null : Files.newInputStream(Path.of(source))) {
      InputStream body = file == null ? env().in() : file;
      JsonMessages.display(client().call(request.withStream(body, "text/plain"), query), JsonMessages.Output.stdout(env()));
    } catch (NoSuchFileException e) {
      throw new CliException("open " + source + ": no such file or directory");
    }
    return 0;
  }
}
