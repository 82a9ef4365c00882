package io.jdocker.cli.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void parsesIntoOrderedMapsListsAndNumbers() {
    Object v = JsonReader.parse("{\"b\":1,\"a\":[true,null,\"x\\u003c\\n\"],\"c\":1.5,\"d\":-12345678901234}");
    assertEquals(Map.of("b", 1L, "a", java.util.Arrays.asList(true, null, "x<\n"), "c", 1.5, "d", -12345678901234L), v);
    assertEquals(List.of("b", "a", "c", "d"), List.copyOf(((Map<?, ?>) v).keySet()));
  }

  @Test
  void writesIndentedLikeGoJsonIndent() {
    Object v = JsonReader.parse("[{\"Id\":\"x\",\"Tags\":[],\"Cfg\":{},\"L\":[\"<a>\"]}]");
    String expected = """
        [
            {
                "Id": "x",
                "Tags": [],
                "Cfg": {},
                "L": [
                    "\\u003ca\\u003e"
                ]
            }
        ]""";
    assertEquals(expected, JsonWriter.write(v, "    ", true));
  }

  @Test
  void compactWithoutHtmlEscaping() {
    assertEquals("{\"a\":\"<b>&\",\"n\":null,\"f\":0.25}", JsonWriter.write(JsonReader.parse("{\"a\":\"<b>&\",\"n\":null,\"f\":0.25}"), "", false));
  }

  @Test
  void readsConcatenatedStreamValues() throws Exception {
    JsonReader reader = new JsonReader(new StringReader("{\"stream\":\"a\"}\r\n{\"stream\":\"b\"}\n"));
    assertTrue(reader.hasNext());
    assertEquals(Map.of("stream", "a"), reader.read());
    assertEquals(Map.of("stream", "b"), reader.read());
    assertFalse(reader.hasNext());
  }

  @Test
  void rejectsTruncatedInput() {
    assertThrows(JsonException.class, () -> JsonReader.parse("{\"a\":"));
    assertThrows(JsonException.class, () -> JsonReader.parse("[1,2"));
    assertThrows(JsonException.class, () -> JsonReader.parse("{} x"));
  }

  @Test
  void formatsDoublesLikeGo() {
    assertEquals("1e+21", JsonWriter.formatDouble(1e21));
    assertEquals("100", JsonWriter.formatDouble(100.0));
    assertEquals("0.000001", JsonWriter.formatDouble(0.000001));
    assertEquals("1e-7", JsonWriter.formatDouble(1e-7));
  }
}
