package io.jdocker.daemon.api.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.daemon.api.ApiJson;
import io.jdocker.daemon.api.ApiVersion;
import io.jdocker.daemon.api.Handler;
import io.jdocker.daemon.api.testing.FakeRequest;
import io.jdocker.daemon.api.testing.FakeResponse;
import io.jdocker.errdefs.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stats route: query parsing, one body or a line-per-sample stream, and dockerd's JSON shape. */
class StatsRoutesTest {
  final List<String> calls = new ArrayList<>();
  final Deque<ContainerStatsResponse> queued = new ArrayDeque<>();
  boolean closed;
  Handler handler;

  StatsRoutesTest() {
    new StatsRoutes(new StatsBackend() {
      @Override
      public ContainerStatsResponse stats(String id, boolean oneShot) {
        calls.add("stats " + id + " oneShot=" + oneShot);
        return sample("/" + id);
      }

      @Override
      public Samples stream(String id) {
        calls.add("stream " + id);
        if (id.equals("nope")) {
          throw new NotFoundException("No such container: nope");
        }
        return new Samples() {
          @Override public ContainerStatsResponse next() { return queued.poll(); }
          @Override public void close() { closed = true; }
        };
      }
    }).register((method, pattern, h) -> {
      assertEquals("GET /containers/{id}/stats", method + " " + pattern);
      handler = h;
    });
  }

  static ContainerStatsResponse sample(String name) {
    return ContainerStatsResponse.empty(name, "abc");
  }

  FakeResponse call(FakeRequest request) throws Exception {
    FakeResponse response = new FakeResponse();
    handler.handle(request.param("id", "web"), response);
    return response;
  }

  @Test
  void streamFalseAnswersOneBodyAndPassesOneShot() throws Exception {
    FakeResponse r = call(new FakeRequest("GET", "/x").query("stream", "0").query("one-shot", "1"));
    assertEquals(200, r.status);
    assertEquals("/web", r.json.get("name").asText());
    call(new FakeRequest("GET", "/x").query("stream", "false"));
    assertEquals(List.of("stats web oneShot=true", "stats web oneShot=false"), calls);
  }

  @Test
  void oneShotIsIgnoredBeforeApi141AsDockerdDoes() throws Exception {
    call(new FakeRequest("GET", "/x").query("stream", "0").query("one-shot", "1").version(new ApiVersion(1, 40)));
    assertEquals(List.of("stats web oneShot=false"), calls);
  }

  @Test
  void streamingIsTheDefaultOneLinePerSampleWithoutContentType() throws Exception {
    queued.add(sample("/a"));
    queued.add(sample("/b"));
    FakeResponse r = call(new FakeRequest("GET", "/x"));
    assertEquals(200, r.status);
    assertNull(r.contentType, "dockerd sends the stream without a Content-Type");
    String[] lines = r.streamed.toString(StandardCharsets.UTF_8).split("\n", -1);
    assertEquals(3, lines.length);
    assertTrue(lines[0].contains("\"name\":\"/a\""));
    assertTrue(lines[1].contains("\"name\":\"/b\""));
    assertEquals("", lines[2], "every sample ends with a newline");
    assertTrue(r.closed);
    assertTrue(closed, "the samples are released at the end");
    assertEquals(List.of("stream web"), calls);
  }

  @Test
  void anUnknownContainerFailsBeforeTheStreamStarts() {
    FakeResponse r = new FakeResponse();
    assertThrows(NotFoundException.class, () -> handler.handle(new FakeRequest("GET", "/x").param("id", "nope"), r));
    assertEquals(-1, r.status);
  }

  @Test
  void anEmptySampleIsWhatGoWritesForAZeroStatsResponse() {
    String json = new String(ApiJson.line(sample("/web")), StandardCharsets.UTF_8);
    String cpu = "{\"cpu_usage\":{\"total_usage\":0,\"usage_in_kernelmode\":0,\"usage_in_usermode\":0},"
        + "\"throttling_data\":{\"periods\":0,\"throttled_periods\":0,\"throttled_time\":0}}";
    assertEquals("{\"read\":\"0001-01-01T00:00:00Z\",\"preread\":\"0001-01-01T00:00:00Z\",\"pids_stats\":{},"
        + "\"blkio_stats\":{\"io_service_bytes_recursive\":null,\"io_serviced_recursive\":null,"
        + "\"io_queue_recursive\":null,\"io_service_time_recursive\":null,\"io_wait_time_recursive\":null,"
        + "\"io_merged_recursive\":null,\"io_time_recursive\":null,\"sectors_recursive\":null},"
        + "\"num_procs\":0,\"storage_stats\":{},\"cpu_stats\":" + cpu + ",\"precpu_stats\":" + cpu
        + ",\"memory_stats\":{},\"name\":\"/web\",\"id\":\"abc\"}\n", json);
  }

  @Test
  void aFullSampleKeepsDockersFieldOrderAndLeavesOutOnlyGoOmitemptyZeros() {
    var cpu = new ContainerStatsResponse.CpuStats(new ContainerStatsResponse.CpuUsage(10, List.of(4L, 6L), 2, 8),
        5000, 2, new ContainerStatsResponse.ThrottlingData(0, 0, 0));
    var sample = new ContainerStatsResponse(Instant.parse("2015-01-08T22:57:31.547920715Z"), null,
        new ContainerStatsResponse.PidsStats(3, 0), ContainerStatsResponse.BlkioStats.NONE, 0,
        new ContainerStatsResponse.StorageStats(), cpu, ContainerStatsResponse.CpuStats.ZERO,
        new ContainerStatsResponse.MemoryStats(6537216, 0, new java.util.TreeMap<>(Map.of("rss", 1L)), 0, 67108864),
        "/web", "abc", Map.of("eth0", new ContainerStatsResponse.NetworkStats(1, 2, 0, 0, 3, 4, 0, 0)));
    String json = new String(ApiJson.line(sample), StandardCharsets.UTF_8);
    assertTrue(json.startsWith("{\"read\":\"2015-01-08T22:57:31.547920715Z\",\"preread\":\"0001-01-01T00:00:00Z\","
        + "\"pids_stats\":{\"current\":3},"), json);
    assertTrue(json.contains("\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":10,\"percpu_usage\":[4,6],"
        + "\"usage_in_kernelmode\":2,\"usage_in_usermode\":8},\"system_cpu_usage\":5000,\"online_cpus\":2,"), json);
    assertTrue(json.contains("\"memory_stats\":{\"usage\":6537216,\"stats\":{\"rss\":1},\"limit\":67108864}"), json);
    assertTrue(json.endsWith("\"id\":\"abc\",\"networks\":{\"eth0\":{\"rx_bytes\":1,\"rx_packets\":2,\"rx_errors\":0,"
        + "\"rx_dropped\":0,\"tx_bytes\":3,\"tx_packets\":4,\"tx_errors\":0,\"tx_dropped\":0}}}\n"), json);
  }
}
