package io.jdocker.daemon.api.types.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdocker.errdefs.InvalidParameterException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireTypesTest {
  private static final ObjectMapper JSON = WireJson.mapper();

  static byte[] sample(String name) throws IOException {
    try (InputStream in = WireTypesTest.class.getResourceAsStream("/samples/containers/" + name)) {
      return in.readAllBytes();
    }
  }

  /** Through text, so numbers compare by value as a Go client reads them. */
  private static JsonNode tree(Object value) {
    try {
      return JSON.readTree(JSON.writeValueAsString(value));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonNode tree(String json) throws IOException {
    return JSON.readTree(json.replace('\'', '"'));
  }

  @Test
  void parsesTheCliBodyWithManyFlags() throws IOException {
    ContainerCreateRequest req = ContainerCreateRequest.parse(sample("create-cli-many-flags.json"));
    ContainerConfig c = req.config();
    assertEquals("h1", c.hostname());
    assertEquals("1000:1000", c.user());
    assertEquals(List.of("/bin/sh"), c.entrypoint());
    assertEquals(List.of("-c", "sleep 1"), c.cmd());
    assertEquals(Map.of("a", "b"), c.labels());
    assertEquals("SIGUSR1", c.stopSignal());
    assertEquals(5, c.stopTimeout());
    assertEquals(List.of("CMD-SHELL", "true"), c.healthcheck().get("Test"));
    HostConfig h = req.hostConfig();
    assertEquals(new RestartPolicy("on-failure", 3), h.restartPolicy());
    assertEquals(List.of(new PortBinding("127.0.0.1", "18081")), h.portBindings().get("81/udp"));
    assertEquals(List.of("CAP_NET_ADMIN"), h.capAdd());
    assertEquals(Map.of("/run", "size=1m"), h.tmpfs());
    assertEquals(67108864L, h.memory());
    assertEquals(134217728L, h.memorySwap());
    assertEquals(-1L, h.memorySwappiness());
    assertEquals(50L, h.pidsLimit());
    assertNull(h.oomKillDisable());
    assertEquals(List.of(new Ulimit("nofile", 2048, 1024)), h.ulimits());
    assertEquals("volume", h.mounts().getFirst().type());
    assertEquals(Boolean.TRUE, h.init());
    assertEquals("json-file", h.logConfig().type());
    assertTrue(h.readonlyRootfs());
    assertEquals(33554432L, h.shmSize());
    assertEquals("", req.networkingConfig().endpointsConfig().get("default").networkId());
  }

  /** What the CLI sends must come back unchanged in inspect: null stays null, [] stays [], {} stays {}. */
  @Test
  void hostConfigRoundTripsTheCliBodiesExactly() throws IOException {
    for (String name : List.of("create-cli-many-flags.json", "create-cli-run-d.json")) {
      JsonNode sent = JSON.readTree(sample(name)).get("HostConfig");
      HostConfig parsed = ContainerCreateRequest.parse(sample(name)).hostConfig();
      assertEquals(sent, tree(parsed), name);
    }
  }

  @Test
  void configRoundTripsTheCliBody() throws IOException {
    JsonNode sent = JSON.readTree(sample("create-cli-run-d.json"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) sent).remove(List.of("HostConfig", "NetworkingConfig"));
    assertEquals(sent, tree(ContainerCreateRequest.parse(sample("create-cli-run-d.json")).config()));
  }

  @Test
  void dockerPyBodyWithNullsAndAStringCmdGetsGoZeroValues() throws IOException {
    ContainerCreateRequest req = ContainerCreateRequest.parse(sample("create-docker-py.json"));
    ContainerConfig c = req.config();
    assertEquals(List.of("echo hi"), c.cmd());
    assertEquals("", c.hostname());
    assertEquals("", c.user());
    assertEquals("", c.workingDir());
    assertNull(c.env());
    assertNull(c.labels());
    assertEquals("busybox", c.image());
    assertEquals("default", req.hostConfig().networkMode());
    assertEquals(new RestartPolicy("", 0), req.hostConfig().restartPolicy());
    assertEquals(List.of(0, 0), req.hostConfig().consoleSize());
    assertTrue(req.networkingConfig().endpointsConfig().isEmpty());
  }

  @Test
  void minimalBodyWithoutHostConfig() {
    ContainerCreateRequest req = ContainerCreateRequest.parse("{\"Image\":\"busybox\",\"Unknown\":1}".getBytes(StandardCharsets.UTF_8));
    assertEquals("busybox", req.config().image());
    assertNull(req.config().cmd());
    assertEquals(HostConfig.empty(), req.hostConfig());
  }

  @Test
  void badBodiesAreInvalidParameters() {
    assertEquals("invalid JSON: got EOF while reading request body",
        assertThrows(InvalidParameterException.class, () -> ContainerCreateRequest.parse(new byte[0])).getMessage());
    assertThrows(InvalidParameterException.class, () -> ContainerCreateRequest.parse("{\"Image\":".getBytes()));
    assertThrows(InvalidParameterException.class, () -> ContainerCreateRequest.parse("[1]".getBytes()));
    assertThrows(InvalidParameterException.class, () -> ContainerCreateRequest.parse("{\"Cmd\":7}".getBytes()));
    assertThrows(InvalidParameterException.class,
        () -> ContainerCreateRequest.parse("{\"HostConfig\":{\"Memory\":\"lots\"}}".getBytes()));
  }

  /** Go's zero HostConfig, as dockerd would marshal it: nil slices null, omitempty fields absent. */
  @Test
  void emptyHostConfigSerialisesLikeGoZeroValue() throws IOException {
    String expected = "{'Binds':null,'ContainerIDFile':'','LogConfig':{'Type':'','Config':{}},'NetworkMode':'',"
        + "'PortBindings':null,'RestartPolicy':{'Name':'','MaximumRetryCount':0},'AutoRemove':false,'VolumeDriver':'',"
        + "'VolumesFrom':null,'ConsoleSize':[0,0],'CapAdd':null,'CapDrop':null,'CgroupnsMode':'','Dns':null,"
        + "'DnsOptions':null,'DnsSearch':null,'ExtraHosts':null,'GroupAdd':null,'IpcMode':'','Cgroup':'','Links':null,"
        + "'OomScoreAdj':0,'PidMode':'','Privileged':false,'PublishAllPorts':false,'ReadonlyRootfs':false,"
        + "'SecurityOpt':null,'UTSMode':'','UsernsMode':'','ShmSize':0,'Isolation':'','CpuShares':0,'Memory':0,"
        + "'NanoCpus':0,'CgroupParent':'','BlkioWeight':0,'BlkioWeightDevice':null,'BlkioDeviceReadBps':null,"
        + "'BlkioDeviceWriteBps':null,'BlkioDeviceReadIOps':null,'BlkioDeviceWriteIOps':null,'CpuPeriod':0,'CpuQuota':0,"
        + "'CpuRealtimePeriod':0,'CpuRealtimeRuntime':0,'CpusetCpus':'','CpusetMems':'','Devices':null,"
        + "'DeviceCgroupRules':null,'DeviceRequests':null,'MemoryReservation':0,'MemorySwap':0,"
        + "'MemorySwappiness':null,'OomKillDisable':null,'PidsLimit':null,'Ulimits':null,'CpuCount':0,'CpuPercent':0,"
        + "'IOMaximumIOps':0,'IOMaximumBandwidth':0,'MaskedPaths':null,'ReadonlyPaths':null}";
    assertEquals(tree(expected), tree(HostConfig.empty()));
  }

  @Test
  void fieldOrderFollowsDockerd() throws IOException {
    String json = JSON.writeValueAsString(HostConfig.empty());
    assertTrue(json.startsWith("{\"Binds\":null,\"ContainerIDFile\":\"\",\"LogConfig\""), json);
    assertTrue(json.indexOf("\"Isolation\"") < json.indexOf("\"CpuShares\""), json);
  }

  @Test
  void withReplacesNamedFieldsOnly() {
    HostConfig h = HostConfig.empty().with(Map.of("ShmSize", 67108864L, "Runtime", "runc", "OomKillDisable", false));
    assertEquals(67108864L, h.shmSize());
    assertEquals("runc", h.runtime());
    assertEquals(Boolean.FALSE, h.oomKillDisable());
    assertNull(h.binds());
    assertThrows(IllegalArgumentException.class, () -> HostConfig.empty().with(Map.of("NoSuchField", 1)));
  }

  @Test
  void containerConfigOmitsGoOmitemptyFields() throws IOException {
    String expected = "{'Hostname':'','Domainname':'','User':'','AttachStdin':false,'AttachStdout':false,"
        + "'AttachStderr':false,'Tty':false,'OpenStdin':false,'StdinOnce':false,'Env':null,'Cmd':null,"
        + "'Image':'busybox','Volumes':null,'WorkingDir':'','Entrypoint':null,'OnBuild':null,'Labels':null}";
    assertEquals(tree(expected), tree(ContainerConfig.ofImage("busybox")));
  }

  @Test
  void createResponseHasAnArrayOfWarnings() throws IOException {
    assertEquals(tree("{'Id':'abc','Warnings':[]}"), tree(new ContainerCreateResponse("abc", null)));
  }

  @Test
  void waitResponses() throws IOException {
    assertEquals(tree("{'Error':null,'StatusCode':137}"), tree(ContainerWaitResponse.exited(137)));
    assertEquals(tree("{'Error':{'Message':'context canceled'},'StatusCode':-1}"),
        tree(ContainerWaitResponse.failed("context canceled")));
  }

  @Test
  void topResponse() throws IOException {
    ContainerTopResponse top = new ContainerTopResponse(List.of("UID", "PID", "CMD"), List.of(List.of("root", "1", "sh")));
    assertEquals(tree("{'Titles':['UID','PID','CMD'],'Processes':[['root','1','sh']]}"), tree(top));
  }

  @Test
  void summaryLeavesOutSizesUnlessAskedAndShowsEmptyArrays() throws IOException {
    ContainerSummary s = new ContainerSummary("id", List.of("/web"), "busybox", "sha256:aa", "sh", 1700000000L, null,
        null, null, Map.of(), "exited", "Exited (0) 3 seconds ago",
        new ContainerSummary.SummaryHostConfig("default", null),
        new ContainerSummary.SummaryNetworkSettings(Map.of()), null);
    assertEquals(tree("{'Id':'id','Names':['/web'],'Image':'busybox','ImageID':'sha256:aa','Command':'sh',"
        + "'Created':1700000000,'Ports':[],'Labels':{},'State':'exited','Status':'Exited (0) 3 seconds ago',"
        + "'HostConfig':{'NetworkMode':'default'},'NetworkSettings':{'Networks':{}},'Mounts':[]}"), tree(s));
    ContainerSummary sized = new ContainerSummary("id", List.of("/web"), "busybox", "sha256:aa", "sh", 1L, null, 0L,
        4096L, Map.of(), "created", "Created", new ContainerSummary.SummaryHostConfig("", null),
        new ContainerSummary.SummaryNetworkSettings(Map.of()), List.of());
    JsonNode t = tree(sized);
    assertEquals(0, t.get("SizeRw").asInt());
    assertEquals(4096, t.get("SizeRootFs").asInt());
    assertFalse(t.get("HostConfig").has("NetworkMode"));
  }

  @Test
  void portsLeaveOutUnpublishedFields() throws IOException {
    assertEquals(tree("{'PrivatePort':80,'Type':'tcp'}"), tree(new Port(null, 80, 0, "tcp")));
    assertEquals(tree("{'IP':'0.0.0.0','PrivatePort':80,'PublicPort':8080,'Type':'tcp'}"),
        tree(new Port("0.0.0.0", 80, 8080, "tcp")));
  }

  @Test
  void inspectHasNullExecIdsAndEmptyArgs() {
    ContainerInspectResponse r = new ContainerInspectResponse("id", "2024-01-01T00:00:00Z", "sh", null, null, "sha256:x",
        "", "", "", "", "/n", 0, "overlay2", "linux", "", "", "", List.of(), HostConfig.empty(), null, null, null, null,
        ContainerConfig.ofImage("busybox"), null);
    JsonNode t = tree(r);
    assertTrue(t.get("ExecIDs").isNull());
    assertTrue(t.get("Args").isArray() && t.get("Args").isEmpty());
    assertTrue(t.get("Mounts").isArray());
    assertFalse(t.has("SizeRw"));
    List<String> names = new java.util.ArrayList<>();
    t.fieldNames().forEachRemaining(names::add);
    assertEquals(List.of("Id", "Created", "Path", "Args", "State", "Image", "ResolvConfPath", "HostnamePath",
        "HostsPath", "LogPath", "Name", "RestartCount", "Driver", "Platform", "MountLabel", "ProcessLabel",
        "AppArmorProfile", "ExecIDs", "HostConfig", "GraphDriver", "Mounts", "Config", "NetworkSettings"), names);
  }

  @Test
  void mountOmitsEmptyFieldsLikeGo() throws IOException {
    Mount m = new Mount("bind", "/src", "/dst", false, "", null, null, null);
    assertEquals(tree("{'Type':'bind','Source':'/src','Target':'/dst'}"), tree(m));
    assertTrue(tree(new Mount("bind", "/s", "/d", true, null, null, null, null)).get("ReadOnly").asBoolean());
  }
}
