package io.jdocker.cli.command;

import io.jdocker.cli.CliException;
import io.jdocker.cli.format.InfoView;
import io.jdocker.cli.format.Template;
import io.jdocker.cli.format.TemplateException;
import io.jdocker.cli.format.TypedValue;
import io.jdocker.cli.model.JsonFields;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code info}, {@code system info}. */
public final class InfoCommand extends ApiCommand {
  private final Flag<String> formatFlag = string("-f,--format", "string", Formats.SINGLE);

  public InfoCommand() {
    super("[OPTIONS]", "Display system-wide information");
  }

  @Override
  public Integer call() {
    noArgs();
    String format = formatFlag.value();
    Template template = null;
    if (format != null && !format.isEmpty()) {
      template = Template.parse(format.equals("json") ? "{{json .}}" : format);
    }
    Map<String, Object> clientInfo = ClientInfo.info(cli().debug());
    if (template == null) {
      out().print(InfoView.client(clientInfo) + "\n");
    }
    Map<String, Object> info = JsonFields.object(client().getJson("/info", null));
    if (template != null) {
      Map<String, Object> data = new LinkedHashMap<>(info);
      data.put("ClientInfo", clientInfo);
      data.put("ClientErrors", null);
      try {
        out().println(template.execute(new TypedValue("system.dockerInfo", data)));
      } catch (TemplateException e) {
        throw new CliException(e.getMessage());
      }
      return 0;
    }
    out().print(InfoView.server(info));
    InfoView.warnings(info).forEach(err()::println);
    return 0;
  }
}
