package io.jdocker.cli.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdocker.cli.json.JsonWriter;
import org.junit.jupiter.api.Test;

class FlagParsingTest {
  @Test
  void ramInBytesFollowsGoUnits() {
    assertEquals(67108864, Sizes.ramInBytes("64m"));
    assertEquals(1073741824, Sizes.ramInBytes("1g"));
    assertEquals(1610612736, Sizes.ramInBytes("1.5GiB"));
    assertEquals(512, Sizes.ramInBytes("512"));
    assertEquals(1024, Sizes.ramInBytes("1 kb"));
    assertEquals("invalid suffix: 'x'", assertThrows(IllegalArgumentException.class, () -> Sizes.ramInBytes("12x")).getMessage());
    assertEquals("invalid size: 'abc'", assertThrows(IllegalArgumentException.class, () -> Sizes.ramInBytes("abc")).getMessage());
    assertEquals(-1, Sizes.memorySwap("-1"));
  }

  @Test
  void cpusBecomeNanoCpus() {
    assertEquals(500_000_000L, Sizes.nanoCpus("0.5"));
    assertEquals(1_500_000_000L, Sizes.nanoCpus("1.5"));
    assertEquals(250_000_000L, Sizes.nanoCpus("1/4"));
    assertEquals("failed to parse abc as a rational number",
        assertThrows(IllegalArgumentException.class, () -> Sizes.nanoCpus("abc")).getMessage());
    assertEquals("value is too precise", assertThrows(IllegalArgumentException.class, () -> Sizes.nanoCpus("0.0000000001")).getMessage());
  }

  @Test
  void portSpecsLikeNat() {
    PortSpecs p = new PortSpecs();
    p.publish("8080:80");
    p.publish("9000-9001:9000-9001");
    p.publish("53/udp");
    p.publish("1.2.3.4::70");
    p.publish("8000-8002:81");
    assertEquals("{\"53/udp\":[{\"HostIp\":\"\",\"HostPort\":\"\"}],\"70/tcp\":[{\"HostIp\":\"1.2.3.4\",\"HostPort\":\"\"}],"
        + "\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"8080\"}],\"81/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"8000-8002\"}],"
        + "\"9000/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"9000\"}],\"9001/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"9001\"}]}",
        JsonWriter.compact(p.bindings()));
    assertEquals("invalid containerPort: x", assertThrows(IllegalArgumentException.class, () -> p.publish("80:x")).getMessage());
    assertEquals("invalid proto: foo", assertThrows(IllegalArgumentException.class, () -> p.publish("80/foo")).getMessage());
  }

  @Test
  void restartCapsUlimits() {
    assertEquals("{\"Name\":\"on-failure\",\"MaximumRetryCount\":3}", JsonWriter.compact(FlagValues.restartPolicy("on-failure:3")));
    assertEquals("[\"CAP_NET_ADMIN\",\"ALL\",\"CAP_SYS_TIME\"]",
        JsonWriter.compact(FlagValues.capabilities(java.util.List.of("net_admin", "all", "CAP_SYS_TIME"))));
    assertEquals("[{\"Name\":\"nofile\",\"Hard\":2048,\"Soft\":1024}]",
        JsonWriter.compact(FlagValues.ulimits(java.util.List.of("nofile=1024:2048"))));
  }
}
