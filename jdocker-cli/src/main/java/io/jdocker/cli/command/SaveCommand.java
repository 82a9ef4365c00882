package io.jdocker.cli.command;

import io.jdocker.cli.CliException;
import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.client.HttpResponse;
import io.jdocker.cli.client.Query;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** {@code save}, {@code image save}: {@code GET /images/get?names=…} to a file or stdout. */
public final class SaveCommand extends ApiCommand {
  private final Flag<String> outputFlag = string("-o,--output", "string", "Write to a file, instead of STDOUT");
  private final Flag<String> platform = string("--platform", "string", "Save only the given platform variant");

  public SaveCommand() {
    super("[OPTIONS] IMAGE [IMAGE...]", "Save one or more images to a tar archive (streamed to STDOUT by default)");
  }

  @Override
  public Integer call() throws IOException {
    List<String> args = atLeast(1);
    String output = outputFlag.value();
    if (output == null && env().stdoutIsTerminal()) {
      throw new CliException("cowardly refusing to save to a terminal. Use the -o flag or redirect");
    }
    Query query = Query.of().put("platform", platform.value());
    args.forEach(name -> query.add("names", name));
    try (HttpResponse response = client().call(HttpRequest.of("GET", "/images/get"), query)) {
      if (output == null) {
        response.body().transferTo(out());
        out().flush();
        return 0;
      }
      // Write beside the target and rename, so a failed save never leaves a truncated archive.
      Path target = Path.of(output).toAbsolutePath();
      Path temp = Files.createTempFile(target.getParent(), ".jdocker-save-", ".tar");
      try {
        try (OutputStream file = Files.newOutputStream(temp)) {
          response.body().transferTo(file);
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    }
    return 0;
  }
}
