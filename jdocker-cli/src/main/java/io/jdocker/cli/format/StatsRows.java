package io.jdocker.cli.format;

import io.jdocker.cli.model.StatsEntry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The rows of {@code docker stats}: docker's statsContext fields of each {@link StatsEntry}. */
public final class StatsRows {
  public static final String DEFAULT_TABLE =
      "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";
  private static final String TYPE = "*container.statsContext";
  private static final String NONE = "--";

  private StatsRows() {}

  public static TypedValue header() {
    Map<String, Object> h = new TreeMap<>();
    h.put("BlockIO", "BLOCK I/O");
    h.put("CPUPerc", "CPU %");
    h.put("Container", "CONTAINER");
    h.put("ID", "CONTAINER ID");
    h.put("MemPerc", "MEM %");
    h.put("MemUsage", "MEM USAGE / LIMIT");
    h.put("Name", "NAME");
    h.put("NetIO", "NET I/O");
    h.put("PIDs", "PIDS");
    return new TypedValue(TYPE, h);
  }

  public static List<TypedValue> rows(List<StatsEntry> entries, boolean trunc) {
    return entries.stream().map(e -> row(e, trunc)).toList();
  }

  /** Memory in binary units (KiB, MiB), I/O in decimal ones (kB, MB) with 3 digits, as docker prints them. */
  static TypedValue row(StatsEntry e, boolean trunc) {
    boolean invalid = e.invalid();
    Map<String, Object> f = new TreeMap<>();
    f.put("BlockIO", invalid ? NONE : io(e.blockRead(), e.blockWrite()));
    f.put("CPUPerc", invalid ? NONE : percent(e.cpuPercentage()));
    f.put("Container", e.container());
    f.put("ID", trunc ? ImageRows.shortId(e.id()) : e.id());
    f.put("MemPerc", invalid ? NONE : percent(e.memoryPercentage()));
    f.put("MemUsage", invalid ? "-- / --" : Units.bytesSize(e.memory()) + " / " + Units.bytesSize(e.memoryLimit()));
    f.put("Name", e.name().length() > 1 ? e.name().substring(1) : NONE);
    f.put("NetIO", invalid ? NONE : io(e.networkRx(), e.networkTx()));
    f.put("PIDs", invalid ? NONE : Long.toUnsignedString(e.pidsCurrent()));
    return new TypedValue(TYPE, f);
  }

  private static String io(double in, double out) {
    return Units.humanSizeWithPrecision(in, 3) + " / " + Units.humanSizeWithPrecision(out, 3);
  }

  /** Go's {@code strconv.FormatFloat(v, 'f', 2, 64)}: the double's exact value, ties to even. */
  static String percent(double value) {
    if (!Double.isFinite(value)) {
      return (Double.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf") + "%";
    }
    return new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%";
  }
}
