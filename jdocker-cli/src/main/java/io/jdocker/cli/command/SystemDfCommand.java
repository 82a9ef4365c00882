package io.jdocker.cli.command;

import io.jdocker.cli.CliException;
import io.jdocker.cli.format.BuildCacheRows;
import io.jdocker.cli.format.ContainerRows;
import io.jdocker.cli.format.DiskUsageRows;
import io.jdocker.cli.format.ImageRows;
import io.jdocker.cli.format.OutputFormat;
import io.jdocker.cli.format.Template;
import io.jdocker.cli.format.TemplateException;
import io.jdocker.cli.format.TypedValue;
import io.jdocker.cli.format.Units;
import io.jdocker.cli.format.VolumeRows;
import io.jdocker.cli.model.ImageReference;
import io.jdocker.cli.model.ImageSummary;
import io.jdocker.cli.model.JsonFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code system df}: disk usage of images, containers, volumes and the build cache. */
public final class SystemDfCommand extends ApiCommand {
  private static final String IMAGE_TABLE = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}"
      + "\t{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}";
  private static final String CONTAINER_TABLE = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}"
      + "\t{{.RunningFor}}\t{{.Status}}\t{{.Names}}";
  private static final String VOLUME_TABLE = "table {{.Name}}\t{{.Links}}\t{{.Size}}";
  private static final String BUILD_CACHE_TABLE = "table {{.ID}}\t{{.CacheType}}\t{{.Size}}\t{{.CreatedSince}}"
      + "\t{{.LastUsedSince}}\t{{.UsageCount}}\t{{.Shared}}";
  private static final String NONE = "<none>";

  private final Flag<String> format = string("--format", "string", Formats.HELP);
  private final Flag<Boolean> verbose = bool("-v,--verbose", "Show detailed information on space usage");

  public SystemDfCommand() {
    super("[OPTIONS]", "Show docker disk usage");
  }

  @Override
  public Integer call() {
    noArgs();
    // docker 28 asks for every kind of usage: no "type" parameters.
    Map<String, Object> df = JsonFields.object(client().getJson("/system/df", null));
    String chosen = format.value() == null ? "" : format.value();
    if (!verbose.value() && chosen.equals("raw")) {
      // The raw template ends in a newline and docker adds another: a blank line after each row.
      Template raw = Template.parse(DiskUsageRows.RAW);
      DiskUsageRows.rows(df).forEach(row -> out().print(raw.execute(row) + "\n"));
      return 0;
    }
    if (!verbose.value()) {
      out().print(OutputFormat.render(chosen, DiskUsageRows.DEFAULT_TABLE, DiskUsageRows.rows(df), DiskUsageRows.header()));
      return 0;
    }
    if (chosen.isEmpty() || chosen.equals("table")) {
      out().print(verboseTables(df));
      return 0;
    }
    out().print(verboseTemplate(df, chosen));
    return 0;
  }

  private String verboseTables(Map<String, Object> df) {
    Lists lists = lists(df, true);
    long buildCache = DiskUsageRows.buildCacheSize(JsonFields.objects(df.get("BuildCache")));
    return "Images space usage:\n\n" + OutputFormat.render(IMAGE_TABLE, IMAGE_TABLE, lists.images(), ImageRows.header())
        + "\nContainers space usage:\n\n"
        + OutputFormat.render(CONTAINER_TABLE, CONTAINER_TABLE, lists.containers(), ContainerRows.header())
        + "\nLocal Volumes space usage:\n\n" + OutputFormat.render(VOLUME_TABLE, VOLUME_TABLE, lists.volumes(), VolumeRows.header())
        + "\nBuild cache usage: " + Units.humanSize(buildCache) + "\n\n"
        + OutputFormat.render(BUILD_CACHE_TABLE, BUILD_CACHE_TABLE, lists.buildCache(), BuildCacheRows.header());
  }

  /** A custom template runs once over all four lists, untruncated, with no newline added (as docker). */
  private String verboseTemplate(Map<String, Object> df, String chosen) {
    String text = chosen.equals("json") ? "{{json .}}" : chosen.startsWith("table") ? chosen.substring("table".length()) : chosen;
    text = text.strip().replace("\\t", "\t").replace("\\n", "\n");
    Lists lists = lists(df, false);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("Images", lists.images());
    data.put("Containers", lists.containers());
    data.put("Volumes", lists.volumes());
    data.put("BuildCache", lists.buildCache());
    try {
      return Template.parse(text).execute(new TypedValue("*formatter.diskUsageContext", data));
    } catch (TemplateException e) {
      throw new CliException("template parsing error: " + e.getMessage());
    }
  }

  private record Lists(List<TypedValue> images, List<TypedValue> containers, List<TypedValue> volumes,
      List<TypedValue> buildCache) {}

  private Lists lists(Map<String, Object> df, boolean trunc) {
    ImageRows imageRows = new ImageRows(env().clock().instant(), env()::zone, !trunc, false);
    List<TypedValue> images = new ArrayList<>();
    for (Map<String, Object> json : JsonFields.objects(df.get("Images"))) {
      ImageSummary image = ImageSummary.from(json);
      String repo = NONE;
      String tag = NONE;
      if (!image.repoTags().isEmpty() && !dangling(image)) {
        ImageReference ref;
        try {
          ref = ImageReference.parse(image.repoTags().getFirst());
        } catch (IllegalArgumentException e) {
          continue; // docker skips an image whose first tag does not parse
        }
        if (ref.tag() != null) {
          repo = ref.name();
          tag = ref.tag();
        }
      }
      images.add(imageRows.row(image, repo, tag, ""));
    }
    // The containers' virtual size is left out of this view.
    List<Map<String, Object>> containers = new ArrayList<>();
    for (Map<String, Object> c : JsonFields.objects(df.get("Containers"))) {
      Map<String, Object> copy = new HashMap<>(c);
      copy.put("SizeRootFs", 0L);
      containers.add(copy);
    }
    return new Lists(images,
        new ContainerRows(env().clock().instant(), env()::zone, !trunc).rows(containers),
        VolumeRows.rows(JsonFields.objects(df.get("Volumes"))),
        new BuildCacheRows(env().clock().instant(), trunc).rows(JsonFields.objects(df.get("BuildCache"))));
  }

  private static boolean dangling(ImageSummary image) {
    return image.repoTags().equals(List.of("<none>:<none>")) && image.repoDigests().equals(List.of("<none>@<none>"));
  }
}
