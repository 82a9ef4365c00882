package io.jdocker.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class OutputFormatTest {
  private static final TypedValue HEADER = new TypedValue("t", Map.of("A", "COL A", "B", "B"));
  private static final List<TypedValue> ROWS = List.of(
      new TypedValue("t", new TreeMap<>(Map.of("A", "x", "B", "<y>"))), new TypedValue("t", Map.of("A", "longer value", "B", "z")));

  @Test
  void tableHasHeaderAndAlignedColumns() {
    assertEquals("COL A          B\nx              <y>\nlonger value   z\n",
        OutputFormat.render("table {{.A}}\\t{{.B}}", "unused", ROWS, HEADER));
  }

  @Test
  void plainTemplatePrintsOneLinePerRowWithoutHeader() {
    assertEquals("x:<y>\nlonger value:z\n", OutputFormat.render("{{.A}}:{{.B}}", "unused", ROWS, HEADER));
  }

  @Test
  void jsonPrintsEachRowHtmlEscapedLikeGo() {
    assertEquals("{\"A\":\"x\",\"B\":\"\\u003cy\\u003e\"}\n", OutputFormat.render("json", "unused", ROWS.subList(0, 1), HEADER));
  }

  @Test
  void emptyAndTableMeanTheDefaultTable() {
    String expected = "COL A\nx\nlonger value\n";
    assertEquals(expected, OutputFormat.render(null, "table {{.A}}", ROWS, HEADER));
    assertEquals(expected, OutputFormat.render("table", "table {{.A}}", ROWS, HEADER));
  }

  @Test
  void tableWithoutRowsStillPrintsTheHeader() {
    assertEquals("COL A     B\n", OutputFormat.render("table {{.A}}\t{{.B}}", "", List.of(), HEADER));
  }

  @Test
  void errorsCarryDockersPrefix() {
    TemplateException e = assertThrows(TemplateException.class, () -> OutputFormat.render("{{.C}}", "", ROWS, HEADER));
    assertEquals("template parsing error: template: :1:2: executing \"\" at <.C>: can't evaluate field C in type t", e.getMessage());
  }
}
