package io.jdocker.cli.format;

import io.jdocker.cli.model.JsonFields;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The human output of {@code docker version}, aligned with a (20, 1) tabwriter as docker does. */
public final class VersionView {
  private VersionView() {}

  public static String client(Map<String, Object> client) {
    StringBuilder sb = new StringBuilder("Client:\n");
    sb.append(" Version:\t").append(client.get("Version")).append('\n');
    String api = String.valueOf(client.get("ApiVersion"));
    String defaultApi = String.valueOf(client.get("DefaultAPIVersion"));
    sb.append(" API version:\t").append(api).append(api.equals(defaultApi) ? "" : " (downgraded from " + defaultApi + ")").append('\n');
    sb.append(" Java version:\t").append(client.get("JavaVersion")).append('\n');
    sb.append(" OS/Arch:\t").append(client.get("Os")).append('/').append(client.get("Arch")).append('\n');
    sb.append(" Context:\t").append(client.get("Context")).append('\n');
    return new TabWriter(20, 1).format(sb.toString());
  }

  public static String server(Map<String, Object> server, ZoneId zone) {
    StringBuilder sb = new StringBuilder("Server:");
    String platform = JsonFields.string(JsonFields.object(server.get("Platform")), "Name");
    sb.append(platform.isEmpty() ? "" : " " + platform).append('\n');
    List<Map<String, Object>> components = JsonFields.objects(server.get("Components"));
    if (components.isEmpty()) {
      components = List.of(Map.of("Name", "Engine", "Version", JsonFields.string(server, "Version"), "Details", server));
    }
    for (Map<String, Object> component : components) {
      String name = JsonFields.string(component, "Name");
      Map<String, Object> details = JsonFields.object(component.get("Details"));
      sb.append(' ').append(name).append(":\n");
      sb.append("  Version:\t").append(JsonFields.string(component, "Version")).append('\n');
      if (name.equals("Engine")) {
        sb.append("  API version:\t").append(d(details, "ApiVersion"))
            .append(" (minimum version ").append(d(details, "MinAPIVersion")).append(")\n");
        sb.append("  Go version:\t").append(d(details, "GoVersion")).append('\n');
        sb.append("  Git commit:\t").append(d(details, "GitCommit")).append('\n');
        sb.append("  Built:\t").append(GoTime.ansic(d(details, "BuildTime"), zone)).append('\n');
        sb.append("  OS/Arch:\t").append(d(details, "Os")).append('/').append(d(details, "Arch")).append('\n');
        sb.append("  Experimental:\t").append(d(details, "Experimental")).append('\n');
      } else {
        new TreeMap<>(details).forEach((k, v) -> sb.append("  ").append(k).append(":\t").append(GoValues.print(v)).append('\n'));
      }
    }
    return new TabWriter(20, 1).format(sb.toString());
  }

  private static String d(Map<String, Object> details, String key) {
    Object v = details.get(key);
    return v == null ? "" : GoValues.print(v);
  }
}
