package io.jdocker.daemon.logs;

import static io.jdocker.daemon.logs.FakeContainer.T0;
import static io.jdocker.daemon.logs.StdStream.STDERR;
import static io.jdocker.daemon.logs.StdStream.STDOUT;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFileLogWriterTest {
  @TempDir Path dir;

  private LogFiles files() {
    return new LogFiles(dir, "c0ffee1234567890");
  }

  static List<LogMessage> readAll(LogFiles files, LogReadOptions options) throws Exception {
    List<LogMessage> all = new ArrayList<>();
    try (LogCursor cursor = LogReader.open(files, null, options)) {
      for (LogMessage m = cursor.next(); m != null; m = cursor.next()) {
        all.add(m);
      }
    }
    return all;
  }

  static List<String> texts(List<LogMessage> messages) {
    return messages.stream().map(m -> m.stream().jsonName() + ":" + new String(m.bytes(), UTF_8)).toList();
  }

  @Test
  void interleavedStdoutAndStderrRoundTripInOrderWithDockersFileFormat() throws Exception {
    try (FakeContainer c = new FakeContainer(files(), LogConfig.UNLIMITED)) {
      c.say(STDOUT, "o1\n");
      c.say(STDERR, "e1\n");
      c.say(STDOUT, "o2\n");
      c.say(STDERR, "e2 <&>\n");
    }
    assertEquals(
        List.of("stdout:o1\n", "stderr:e1\n", "stdout:o2\n", "stderr:e2 <&>\n"),
        texts(readAll(files(), LogReadOptions.all())));
    assertEquals(List.of("stdout:o1\n", "stdout:o2\n"),
        texts(readAll(files(), new LogReadOptions(true, false, -1, null, null, false))));
    assertEquals(List.of("stderr:e1\n", "stderr:e2 <&>\n"),
        texts(readAll(files(), new LogReadOptions(false, true, -1, null, null, false))));
    List<String> lines = Files.readAllLines(files().active());
    assertEquals("{\"log\":\"o1\\n\",\"stream\":\"stdout\",\"time\":\"2026-11-28T22:32:55.376503483Z\"}", lines.get(0));
    assertEquals("{\"log\":\"e2 \\u003c\\u0026\\u003e\\n\",\"stream\":\"stderr\",\"time\":\"2026-11-28T22:32:58.376503483Z\"}", lines.get(3));
    assertEquals(T0.plusSeconds(1), readAll(files(), LogReadOptions.all()).get(1).time());
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(files().active())));
  }

  @Test
  void partialLinesWaitForTheirNewlineAndTheRestIsWrittenAtTheEnd() throws Exception {
    try (FakeContainer c = new FakeContainer(files(), LogConfig.UNLIMITED)) {
      c.send(STDOUT, "abc".getBytes(UTF_8));
      c.send(STDOUT, "def\nxyz".getBytes(UTF_8));
      assertEquals("abcdef\n", new String(c.written.take().bytes(), UTF_8));
    }
    List<LogMessage> all = readAll(files(), LogReadOptions.all());
    assertEquals(List.of("stdout:abcdef\n", "stdout:xyz"), texts(all));
    assertFalse(all.get(1).endsLine());
  }

  @Test
  void aOneMegabyteLineIsStoredIn16KiBPiecesWithoutSplittingUtf8() throws Exception {
    byte[] line = ("€".repeat(349_526) + "\n").getBytes(UTF_8); // > 1 MiB of 3-byte characters
    try (FakeContainer c = new FakeContainer(files(), LogConfig.UNLIMITED)) {
      c.send(STDERR, line);
    }
    List<LogMessage> all = readAll(files(), LogReadOptions.all());
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    for (LogMessage m : all) {
      assertTrue(m.bytes().length <= StreamPump.BUFFER_SIZE, "piece of " + m.bytes().length);
      assertEquals(STDERR, m.stream());
      joined.write(m.bytes());
    }
    assertArrayEquals(line, joined.toByteArray());
    assertTrue(all.size() >= line.length / StreamPump.BUFFER_SIZE, "pieces: " + all.size());
    assertTrue(all.getLast().endsLine());
    assertTrue(all.subList(0, all.size() - 1).stream().noneMatch(LogMessage::endsLine));
  }

  @Test
  void rotationKeepsExactlyMaxFileFilesAndDropsTheOldest() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 200; i++) {
      text.append(String.format("line-%04d\n", i));
    }
    try (FakeContainer c = new FakeContainer(files(), new LogConfig(1000, 3))) {
      c.send(STDOUT, text.toString().getBytes(UTF_8));
    }
    assertTrue(Files.exists(files().active()));
    assertTrue(Files.exists(files().rotated(1)));
    assertTrue(Files.exists(files().rotated(2)));
    assertFalse(Files.exists(files().rotated(3)));
    for (int k = 1; k <= 2; k++) {
      long size = Files.size(files().rotated(k));
      assertTrue(size >= 1000 && size < 1100, "rotated file of " + size + " bytes");
    }
    List<String> read = texts(readAll(files(), LogReadOptions.all()));
    int first = Integer.parseInt(read.getFirst().substring("stdout:line-".length(), "stdout:line-".length() + 4));
    assertTrue(first > 1, "the oldest lines were dropped");
    List<String> expected = new ArrayList<>();
    for (int i = first; i <= 200; i++) {
      expected.add(String.format("stdout:line-%04d\n", i));
    }
    assertEquals(expected, read);
  }

  @Test
  void maxFileOneReplacesTheFile() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 50; i++) {
      text.append(String.format("line-%04d\n", i));
    }
    try (FakeContainer c = new FakeContainer(files(), new LogConfig(1000, 1))) {
      c.send(STDOUT, text.toString().getBytes(UTF_8));
    }
    assertFalse(Files.exists(files().rotated(1)));
    List<String> read = texts(readAll(files(), LogReadOptions.all()));
    assertEquals("stdout:line-0050\n", read.getLast());
    assertTrue(read.size() < 50 && Files.size(files().active()) < 1100);
  }

  @Test
  void reopeningAppendsAndCutsALineTornByACrash() throws Exception {
    try (FakeContainer c = new FakeContainer(files(), LogConfig.UNLIMITED)) {
      c.say(STDOUT, "before\n");
    }
    Files.writeString(files().active(), "{\"log\":\"tor", java.nio.file.StandardOpenOption.APPEND);
    assertEquals(List.of("stdout:before\n"), texts(readAll(files(), LogReadOptions.all())));
    try (FakeContainer c = new FakeContainer(files(), LogConfig.UNLIMITED)) {
      c.say(STDERR, "after\n");
    }
    assertEquals(List.of("stdout:before\n", "stderr:after\n"), texts(readAll(files(), LogReadOptions.all())));
    assertEquals(2, Files.readAllLines(files().active()).size());
  }

  @Test
  void subscribersGetEachMessageThenTheClose() throws Exception {
    List<String> seen = new ArrayList<>();
    CountDownLatch closed = new CountDownLatch(1);
    FakeContainer c = new FakeContainer(files(), LogConfig.UNLIMITED);
    LogSubscription s = c.writer.subscribe(new LogSubscriber() {
      @Override
      public void onMessage(LogMessage message) {
        seen.add(new String(message.bytes(), UTF_8));
      }

      @Override
      public void onClose() {
        closed.countDown();
      }
    });
    c.say(STDOUT, "one\n");
    s.close();
    c.say(STDOUT, "two\n");
    LogSubscription late = c.writer.subscribe(m -> seen.add("late"));
    c.exit();
    assertEquals(List.of("one\n"), seen);
    assertEquals(1, closed.getCount(), "an unsubscribed subscriber is not told about the close");
    CountDownLatch afterClose = new CountDownLatch(1);
    c.writer.subscribe(new LogSubscriber() {
      @Override
      public void onMessage(LogMessage message) {}

      @Override
      public void onClose() {
        afterClose.countDown();
      }
    });
    afterClose.await();
    late.close();
  }

  @Test
  void copiesARealProcessesStreams() throws Exception {
    Process p = new ProcessBuilder("sh", "-c", "echo out; echo err >&2; printf tail").start();
    try (JsonFileLogWriter w = JsonFileLogWriter.open(files(), LogConfig.UNLIMITED)) {
      w.copy(STDOUT, p.getInputStream());
      w.copy(STDERR, p.getErrorStream());
      p.waitFor();
    } finally {
      p.destroyForcibly();
    }
    List<String> all = texts(readAll(files(), LogReadOptions.all()));
    assertEquals(List.of("stdout:out\n", "stdout:tail"), all.stream().filter(s -> s.startsWith("stdout")).toList());
    assertEquals(List.of("stderr:err\n"), all.stream().filter(s -> s.startsWith("stderr")).toList());
  }
}
