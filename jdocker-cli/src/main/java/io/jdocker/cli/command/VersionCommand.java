package io.jdocker.cli.command;

import io.jdocker.cli.CliException;
import io.jdocker.cli.format.MissingKey;
import io.jdocker.cli.format.Template;
import io.jdocker.cli.format.TemplateException;
import io.jdocker.cli.format.TypedValue;
import io.jdocker.cli.format.VersionView;
import io.jdocker.cli.model.JsonFields;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code version}: client and server versions. */
public final class VersionCommand extends ApiCommand {
  private final Flag<String> formatFlag = string("-f,--format", "string", Formats.SINGLE);

  public VersionCommand() {
    super("[OPTIONS]", "Show the Docker version information");
  }

  @Override
  public Integer call() {
    noArgs();
    String format = formatFlag.value();
    Template template = null;
    if (format != null && !format.isEmpty()) {
      template = Template.parse("version", format.equals("json") ? "{{json .}}" : format, MissingKey.NO_VALUE);
    }
    RuntimeException serverError = null;
    Map<String, Object> server = null;
    String api;
    try {
      api = client().version();
      server = JsonFields.object(client().getJson("/version", null));
    } catch (RuntimeException e) {
      serverError = e;
      api = io.jdocker.cli.client.ApiVersion.CLIENT_MAX;
    }
    Map<String, Object> clientInfo = ClientInfo.version(api);
    if (template != null) {
      Map<String, Object> data = new LinkedHashMap<>();
      // docker's template sees Go structs: ApiVersion is the JSON name of the field APIVersion.
      Map<String, String> aliases = Map.of("APIVersion", "ApiVersion");
      data.put("Client", TypedValue.withAliases("command.clientVersion", clientInfo, aliases));
      data.put("Server", server == null ? null : TypedValue.withAliases("*types.Version", server, aliases));
      try {
        out().println(template.execute(new TypedValue("system.versionInfo", data)));
      } catch (TemplateException e) {
        throw new CliException(e.getMessage());
      }
    } else {
      out().print(VersionView.client(clientInfo));
      if (server != null) {
        out().print("\n" + VersionView.server(server, env().zone()));
      }
    }
    if (serverError != null) {
      throw serverError;
    }
    return 0;
  }
}
