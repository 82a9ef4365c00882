package io.jdocker.daemon.logs;

import static io.jdocker.daemon.logs.FakeContainer.T0;
import static io.jdocker.daemon.logs.JsonFileLogWriterTest.readAll;
import static io.jdocker.daemon.logs.JsonFileLogWriterTest.texts;
import static io.jdocker.daemon.logs.StdStream.STDERR;
import static io.jdocker.daemon.logs.StdStream.STDOUT;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogReaderTest {
  @TempDir Path dir;

  private LogFiles files() {
    return new LogFiles(dir, "c0ffee1234567890");
  }

  private static LogReadOptions tail(int n) {
    return new LogReadOptions(true, true, n, null, null, false);
  }

  private static LogReadOptions follow() {
    return new LogReadOptions(true, true, -1, null, null, true);
  }

  private static String lines(int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i <= to; i++) {
      b.append(String.format("line-%04d\n", i));
    }
    return b.toString();
  }

  private static List<String> text(String stream, String lines) {
    return lines.lines().map(l -> stream + ":" + l + "\n").toList();
  }

  @Test
  void tailReachesBackIntoRotatedFiles() throws Exception {
    try (FakeContainer c = new FakeContainer(files(), new LogConfig(1000, 3))) {
      c.send(STDOUT, lines(1, 200).getBytes(UTF_8));
    }
    List<String> all = texts(readAll(files(), LogReadOptions.all()));
    int inActive = Files.readAllLines(files().active()).size();
    int inNewestTwo = inActive + Files.readAllLines(files().rotated(1)).size();
    for (int n : new int[] {0, 1, inActive, inActive + 3, inNewestTwo + 2, all.size(), all.size() + 10}) {
      List<String> expected = all.subList(Math.max(0, all.size() - n), all.size());
      assertEquals(expected, texts(readAll(files(), tail(n))), "tail " + n);
    }
  }

  @Test
  void tailCountsRecordsOfBothStreamsLikeDocker() throws Exception {
    try (FakeContainer c = new FakeContainer(files(), LogConfig.UNLIMITED)) {
      c.say(STDOUT, "o1\n");
      c.say(STDERR, "e1\n");
      c.say(STDOUT, "o2\n");
    }
    assertEquals(List.of("stdout:o2\n"), texts(readAll(files(), new LogReadOptions(true, false, 2, null, null, false))));
  }

  @Test
  void tailOnAFileOfManyBlocks() throws Exception {
    ByteBuilder b = new ByteBuilder(4 << 20);
    for (int i = 0; i < 30_000; i++) {
      byte[] log = String.format("line-%05d\n", i).getBytes(UTF_8);
      JsonLogEncoder.appendHead(b, STDOUT, log, 0, log.length);
      JsonLogEncoder.appendTail(b, T0.plusMillis(i));
    }
    Files.write(files().active(), b.toByteArray());
    assertTrue(Files.size(files().active()) > 20 * BackwardScan.BLOCK_SIZE);
    assertEquals(List.of("stdout:line-29999\n"), texts(readAll(files(), tail(1))));
    List<String> last2000 = texts(readAll(files(), tail(2000)));
    assertEquals(2000, last2000.size());
    assertEquals("stdout:line-28000\n", last2000.getFirst());
    assertEquals(30_000, readAll(files(), LogReadOptions.all()).size());
  }

  @Test
  void sinceAndUntilAreInclusiveBoundsInAnyDockerForm() throws Exception {
    try (FakeContainer c = new FakeContainer(files(), LogConfig.UNLIMITED)) {
      c.send(STDOUT, lines(0, 9).getBytes(UTF_8));
    }
    // Record k is stamped T0 + k s.
    String since = T0.plusSeconds(3).getEpochSecond() + "." + T0.getNano();
    String until = T0.plusSeconds(6).toString();
    var both = LogReadOptions.fromQuery(true, true, "all", since, until, false, T0, ZoneOffset.UTC);
    assertEquals(text("stdout", lines(3, 6)), texts(readAll(files(), both)));
    var sinceOnly = LogReadOptions.fromQuery(true, true, "", since, "", false, T0, ZoneOffset.UTC);
    assertEquals(text("stdout", lines(3, 9)), texts(readAll(files(), sinceOnly)));
    var relative = LogReadOptions.fromQuery(true, true, "2", null, "1s", false, T0.plusSeconds(8), ZoneOffset.UTC);
    assertEquals(List.of(), texts(readAll(files(), relative)), "tail applies before until, as in Docker");
    var tailAndSince = LogReadOptions.fromQuery(true, true, "4", since, null, false, T0, ZoneOffset.UTC);
    assertEquals(text("stdout", lines(6, 9)), texts(readAll(files(), tailAndSince)));
  }

  @Test
  void aTornLastLineIsSkipped() throws Exception {
    try (FakeContainer c = new FakeContainer(files(), LogConfig.UNLIMITED)) {
      c.say(STDOUT, "one\n");
      c.say(STDERR, "two\n");
    }
    Files.writeString(files().active(), "{\"log\":\"thr", java.nio.file.StandardOpenOption.APPEND);
    assertEquals(List.of("stdout:one\n", "stderr:two\n"), texts(readAll(files(), LogReadOptions.all())));
    assertEquals(List.of("stderr:two\n"), texts(readAll(files(), tail(1))));
    assertEquals(List.of("stdout:one\n", "stderr:two\n"), texts(readAll(files(), follow())), "no writer: follow ends");
  }

  @Test
  void corruptLinesInTheMiddleAreSkipped() throws Exception {
    try (FakeContainer c = new FakeContainer(files(), LogConfig.UNLIMITED)) {
      c.say(STDOUT, "one\n");
    }
    Files.writeString(files().active(), "not json\n{\"log\":\"x\"}\n", java.nio.file.StandardOpenOption.APPEND);
    Files.writeString(files().active(),
        "{\"log\":\"docker\\n\",\"stream\":\"stderr\",\"attrs\":{\"tag\":\"t\"},\"time\":\"2026-11-28T22:40:00.5Z\"}\n",
        java.nio.file.StandardOpenOption.APPEND);
    assertEquals(List.of("stdout:one\n", "stderr:docker\n"), texts(readAll(files(), LogReadOptions.all())));
  }

  @Test
  void followGetsTheFileThenLiveLinesAndEndsWhenTheWriterCloses() throws Exception {
    FakeContainer c = new FakeContainer(files(), LogConfig.UNLIMITED);
    try (c; LogCursor cursor = LogReader.open(files(), null, LogReadOptions.all())) {
      assertNull(cursor.next());
    }
    FakeContainer live = new FakeContainer(files(), LogConfig.UNLIMITED);
    try (live; LogCursor cursor = LogReader.open(files(), live.writer, follow())) {
      live.say(STDOUT, "o1\n");
      assertEquals("o1\n", new String(cursor.next().bytes(), UTF_8));
      live.say(STDOUT, "o2\n");
      live.say(STDERR, "e1\n");
      assertEquals("o2\n", new String(cursor.next().bytes(), UTF_8));
      assertEquals("e1\n", new String(cursor.next().bytes(), UTF_8));
      live.send(STDERR, "no newline".getBytes(UTF_8));
      live.exit();
      assertEquals("no newline", new String(cursor.next().bytes(), UTF_8));
      assertNull(cursor.next());
    }
  }

  @Test
  void followLosesAndRepeatsNothingAcrossTheFileLiveSeamAndRotations() throws Exception {
    int total = 3000;
    FakeContainer c = new FakeContainer(files(), new LogConfig(10_000, 50));
    CountDownLatch following = new CountDownLatch(1);
    Thread producer = Thread.ofPlatform().start(() -> {
      try {
        for (int i = 1; i <= total; i++) {
          if (i == 1001) {
            following.await();
          }
          c.send(i % 3 == 0 ? STDERR : STDOUT, String.format("line-%04d\n", i).getBytes(UTF_8));
        }
        c.exit();
      } catch (IOException | InterruptedException e) {
        throw new RuntimeException(e);
      }
    });
    List<LogMessage> received = new ArrayList<>();
    try {
      for (int i = 0; i < 100; i++) {
        c.written.take();
      }
      try (LogCursor cursor = LogReader.open(files(), c.writer, follow())) {
        following.countDown();
        for (LogMessage m = cursor.next(); m != null; m = cursor.next()) {
          received.add(m);
        }
      }
    } finally {
      following.countDown();
      producer.join();
    }
    assertTrue(Files.exists(files().rotated(10)), "the test rotated while following");
    // Each stream is in order; how the two interleave depends on the copying threads.
    List<String> expectedOut = new ArrayList<>();
    List<String> expectedErr = new ArrayList<>();
    for (int i = 1; i <= total; i++) {
      (i % 3 == 0 ? expectedErr : expectedOut).add(String.format("line-%04d\n", i));
    }
    assertEquals(expectedOut, received.stream().filter(m -> m.stream() == STDOUT).map(m -> new String(m.bytes(), UTF_8)).toList());
    assertEquals(expectedErr, received.stream().filter(m -> m.stream() == STDERR).map(m -> new String(m.bytes(), UTF_8)).toList());
    for (int i = 1; i < received.size(); i++) {
      assertTrue(!received.get(i).time().isBefore(received.get(i - 1).time()), "file order is time order");
    }
  }

  @Test
  void closingTheCursorEndsAWaitingFollow() throws Exception {
    try (FakeContainer c = new FakeContainer(files(), LogConfig.UNLIMITED)) {
      c.say(STDOUT, "one\n");
      LogCursor cursor = LogReader.open(files(), c.writer, new LogReadOptions(true, true, 0, null, null, true));
      AtomicReference<Object> result = new AtomicReference<>("not returned");
      Thread follower = Thread.ofPlatform().start(() -> {
        try {
          result.set(cursor.next());
        } catch (IOException e) {
          result.set(e);
        }
      });
      cursor.close();
      follower.join();
      assertNull(result.get());
    }
  }

  @Test
  void followStopsAtUntil() throws Exception {
    try (FakeContainer c = new FakeContainer(files(), LogConfig.UNLIMITED)) {
      c.say(STDOUT, "one\n");
      c.say(STDOUT, "two\n");
      var options = new LogReadOptions(true, true, -1, null, T0, true);
      try (LogCursor cursor = LogReader.open(files(), c.writer, options)) {
        assertEquals("one\n", new String(cursor.next().bytes(), UTF_8));
        assertNull(cursor.next());
      }
      // Both records are within the bound; the clock has moved past it by the time the file
      // part is read, so the follow ends without waiting for new records.
      var atUntil = new LogReadOptions(true, true, -1, null, T0.plusSeconds(1), true);
      try (LogCursor cursor = LogReader.open(files(), c.writer, atUntil)) {
        assertEquals("one\n", new String(cursor.next().bytes(), UTF_8));
        assertEquals("two\n", new String(cursor.next().bytes(), UTF_8));
        assertNull(cursor.next());
      }
    }
  }
}
