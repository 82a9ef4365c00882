package io.jdocker.cli.command;

import io.jdocker.cli.CliException;
import io.jdocker.cli.client.ApiClient;
import io.jdocker.cli.client.DaemonException;
import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.client.Query;
import io.jdocker.cli.json.JsonWriter;
import io.jdocker.cli.model.ImageReference;
import io.jdocker.cli.model.JsonFields;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code POST /containers/create}; when the image is missing (404 "No such image") and
 * {@code --pull} allows it, pulls it the way docker run does (progress on stderr) and creates again.
 */
final class ContainerCreator {
  private ContainerCreator() {}

  /**
   * Returns the new container's ID. Daemon errors are reported as docker reports them: in run's
   * style ({@code jdocker: Error response from daemon: ...}, exit 125) for {@code run}, and plainly
   * ({@code Error response from daemon: ...}, exit 1) for {@code create}.
   */
  static String create(ApiClient client, CreateBody.Request request, String pull, CommandSpec spec, PrintStream err,
      boolean runStyle) {
    String policy = pull == null ? "missing" : pull;
    if (!policy.equals("missing") && !policy.equals("always") && !policy.equals("never")) {
      throw RunErrors.report(spec, "invalid pull option: '" + policy + "': must be one of \"always\", \"missing\" or \"never\"", 125);
    }
    if (policy.equals("always")) {
      pull(client, request, spec, err, runStyle);
    }
    try {
      return send(client, request, err);
    } catch (DaemonException e) {
      if (!e.isNotFound() || !e.getMessage().startsWith("No such image") || !policy.equals("missing")) {
        throw failure(spec, e, runStyle);
      }
    }
    pull(client, request, spec, err, runStyle);
    try {
      return send(client, request, err);
    } catch (DaemonException e) {
      throw failure(spec, e, runStyle);
    }
  }

  private static RuntimeException failure(CommandSpec spec, DaemonException e, boolean runStyle) {
    return runStyle ? RunErrors.daemon(spec, e.getMessage()) : e;
  }

  private static String send(ApiClient client, CreateBody.Request request, PrintStream err) {
    byte[] body = (JsonWriter.write(request.body(), "", true) + "\n").getBytes(StandardCharsets.UTF_8);
    Query query = Query.of().put("name", request.name()).put("platform", request.platform());
    Object answer = client.json(client.call(HttpRequest.of("POST", "/containers/create").withBody(body, "application/json"), query));
    Map<String, Object> created = JsonFields.object(answer);
    for (String warning : JsonFields.strings(created, "Warnings")) {
      err.println("WARNING: " + warning);
    }
    return JsonFields.string(created, "Id");
  }

  private static void pull(ApiClient client, CreateBody.Request request, CommandSpec spec, PrintStream err,
      boolean runStyle) {
    ImageReference ref;
    try {
      ref = ImageReference.parse(request.image());
    } catch (IllegalArgumentException e) {
      throw RunErrors.report(spec, e.getMessage(), 125);
    }
    err.println("Unable to find image '" + ref.familiarString() + "' locally");
    Query query = Query.of().put("fromImage", ref.fullName())
        .put("tag", ref.digest() != null ? ref.digest() : ref.tagOrLatest()).put("platform", request.platform());
    HttpRequest pull = HttpRequest.of("POST", "/images/create").withHeader("X-Registry-Auth", "e30=");
    try {
      JsonMessages.display(client.call(pull, query), err);
    } catch (DaemonException e) {
      throw failure(spec, e, runStyle);
    } catch (CliException e) {
      throw RunErrors.report(spec, e.getMessage(), 125);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
