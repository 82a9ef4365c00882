package io.jdocker.cli.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdocker.cli.json.JsonReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsMathTest {
  private static Map<String, Object> json(String text) {
    return JsonFields.object(JsonReader.parse(text));
  }

  @Test
  void cpuPercentNeedsBothDeltasPositive() {
    Map<String, Object> pre = json("{\"cpu_usage\":{\"total_usage\":100},\"system_cpu_usage\":1000}");
    assertEquals(0.0, StatsMath.cpuPercent(pre, json("{\"cpu_usage\":{\"total_usage\":100},\"system_cpu_usage\":2000,\"online_cpus\":2}")));
    assertEquals(0.0, StatsMath.cpuPercent(pre, json("{\"cpu_usage\":{\"total_usage\":200},\"system_cpu_usage\":1000,\"online_cpus\":2}")));
    assertEquals(20.0, StatsMath.cpuPercent(pre, json("{\"cpu_usage\":{\"total_usage\":200},\"system_cpu_usage\":2000,\"online_cpus\":2}")));
    // no online_cpus: the per-CPU list's length
    assertEquals(75.0, StatsMath.cpuPercent(pre,
        json("{\"cpu_usage\":{\"total_usage\":350,\"percpu_usage\":[1,2,3]},\"system_cpu_usage\":2000}")));
    // the first sample of a stream: precpu all zeros, so the totals since boot
    assertEquals(40.0, StatsMath.cpuPercent(json("{}"), json("{\"cpu_usage\":{\"total_usage\":200},\"system_cpu_usage\":1000,\"online_cpus\":2}")));
  }

  @Test
  void memoryWithoutCachePrefersCgroupV1sTotalInactiveFile() {
    assertEquals(900.0, StatsMath.memoryUsageWithoutCache(json("{\"usage\":1000,\"stats\":{\"total_inactive_file\":100,\"inactive_file\":300}}")));
    // v1 key present but not smaller than usage: falls through to v2's key
    assertEquals(700.0, StatsMath.memoryUsageWithoutCache(json("{\"usage\":1000,\"stats\":{\"total_inactive_file\":1000,\"inactive_file\":300}}")));
    // "cache" is what CLIs before 19.03 subtracted; docker 28 ignores it
    assertEquals(700.0, StatsMath.memoryUsageWithoutCache(json("{\"usage\":1000,\"stats\":{\"inactive_file\":300,\"cache\":999}}")));
    assertEquals(1000.0, StatsMath.memoryUsageWithoutCache(json("{\"usage\":1000,\"stats\":{\"inactive_file\":1000}}")));
    assertEquals(0.0, StatsMath.memoryUsageWithoutCache(json("{}")));
    assertEquals(0.0, StatsMath.memoryPercent(0, 500));
    assertEquals(50.0, StatsMath.memoryPercent(1000, 500));
  }

  @Test
  void networkAndBlockIoSums() {
    assertArrayEquals(new double[] {30, 3}, StatsMath.network(json(
        "{\"eth0\":{\"rx_bytes\":10,\"tx_bytes\":1},\"eth1\":{\"rx_bytes\":20,\"tx_bytes\":2}}")));
    assertArrayEquals(new double[] {11, 22}, StatsMath.blockIo(json("{\"io_service_bytes_recursive\":["
        + "{\"op\":\"Read\",\"value\":10},{\"op\":\"read\",\"value\":1},{\"op\":\"Write\",\"value\":20},{\"op\":\"write\",\"value\":2},"
        + "{\"op\":\"Sync\",\"value\":5},{\"op\":\"Total\",\"value\":33},{\"op\":\"\",\"value\":7}]}")));
    assertArrayEquals(new double[] {0, 0}, StatsMath.blockIo(json("{\"io_service_bytes_recursive\":null}")));
  }
}
