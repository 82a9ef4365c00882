package io.jdocker.cli.command;

import io.jdocker.cli.CliException;
import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.client.Query;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** {@code load}, {@code image load}: streams a tar to {@code POST /images/load}. */
public final class LoadCommand extends ApiCommand {
  private final Flag<String> inputFlag = string("-i,--input", "string", "Read from tar archive file, instead of STDIN");
  private final Flag<Boolean> quiet = bool("-q,--quiet", "Suppress the load output");
  private final Flag<String> platform = string("--platform", "string", "Load only the given platform variant");

  public LoadCommand() {
    super("[OPTIONS]", "Load an image from a tar archive or STDIN");
  }

  @Override
  public Integer call() throws IOException {
    noArgs();
    String input = inputFlag.value();
    if (input == null && env().stdinIsTerminal()) {
      throw new CliException("requested load from stdin, but stdin is empty");
    }
    // The daemon prints progress bars only for a terminal; quiet asks it for plain lines.
    Query query = Query.of().put("quiet", quiet.value() || !env().stdoutIsTerminal() ? "1" : "0").put("platform", platform.value());
    // Only a file we opened is closed; the process's stdin stays open.
    try (InputStream file = input == null ? null : Files.newInputStream(Path.of(input))) {
      InputStream body = file == null ? env().in() : file;
      HttpRequest request = HttpRequest.of("POST", "/images/load").withStream(body, "application/x-tar");
      JsonMessages.display(client().call(request, query), JsonMessages.Output.stdout(env()));
    } catch (NoSuchFileException e) {
      throw new CliException("open " + input + ": no such file or directory");
    }
    return 0;
  }
}
