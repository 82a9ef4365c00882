package io.jdocker.cli.command;

import io.jdocker.cli.CliException;
import io.jdocker.cli.client.DaemonException;
import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.client.Query;
import io.jdocker.cli.json.JsonWriter;
import io.jdocker.cli.model.ImageReference;
import io.jdocker.cli.model.JsonFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code POST /containers/create}; when the image is missing (404 "No such image") and
 * {@code --pull} allows it, pulls it the way docker run does (progress on stderr, the registry's
 * stored credentials) and creates again. {@code --pull always} pulls first.
 */
final class ContainerCreator {
  private final ApiCommand command;
  private final boolean runStyle;

  /**
   * Daemon errors are reported as docker reports them: in run's style
   * ({@code jdocker: Error response from daemon: ...}, exit 125) for {@code run}, and plainly
   * ({@code Error response from daemon: ...}, exit 1) for {@code create}.
   */
  ContainerCreator(ApiCommand command, boolean runStyle) {
    this.command = command;
    this.runStyle = runStyle;
  }

  /** Returns the new container's ID; {@code quiet} hides the pull's output as {@code -q} does. */
  String create(CreateBody.Request request, String pull, boolean quiet) {
    String policy = pull == null ? "missing" : pull;
    if (!policy.equals("missing") && !policy.equals("always") && !policy.equals("never")) {
      throw RunErrors.report(command.spec(), "invalid pull option: '" + policy + "': must be one of \"always\", \"missing\" or \"never\"", 125);
    }
    if (policy.equals("always")) {
      pull(request, quiet);
    }
    try {
      return send(request);
    } catch (DaemonException e) {
      if (!e.isNotFound() || !e.getMessage().startsWith("No such image") || !policy.equals("missing")) {
        throw failure(e);
      }
    }
    if (!quiet) {
      command.err().println("Unable to find image '" + reference(request).familiarString() + "' locally");
    }
    pull(request, quiet);
    try {
      return send(request);
    } catch (DaemonException e) {
      throw failure(e);
    }
  }

  private RuntimeException failure(DaemonException e) {
    return runStyle ? RunErrors.daemon(command.spec(), e.getMessage()) : e;
  }

  private String send(CreateBody.Request request) {
    byte[] body = (JsonWriter.write(request.body(), "", true) + "\n").getBytes(StandardCharsets.UTF_8);
    Query query = Query.of().put("name", request.name()).put("platform", request.platform());
    HttpRequest create = HttpRequest.of("POST", "/containers/create").withBody(body, "application/json");
    Map<String, Object> created = JsonFields.object(command.client().json(command.client().call(create, query)));
    for (String warning : JsonFields.strings(created, "Warnings")) {
      command.err().println("WARNING: " + warning);
    }
    return JsonFields.string(created, "Id");
  }

  private ImageReference reference(CreateBody.Request request) {
    try {
      return ImageReference.parse(request.image());
    } catch (IllegalArgumentException e) {
      throw RunErrors.report(command.spec(), e.getMessage(), 125);
    }
  }

  private void pull(CreateBody.Request request, boolean quiet) {
    ImageReference ref = reference(request);
    JsonMessages.Output output = quiet ? JsonMessages.Output.discard() : JsonMessages.Output.stderr(command.env());
    try {
      JsonMessages.display(ImagePull.start(command, ref, false, request.platform()), output);
    } catch (DaemonException e) {
      throw failure(e);
    } catch (CliException e) {
      throw runStyle ? RunErrors.report(command.spec(), e.getMessage(), 125) : e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
