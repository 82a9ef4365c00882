package io.jdocker.daemon.engine.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.daemon.api.containers.CommitBackend;
import io.jdocker.daemon.api.types.container.ContainerConfig;
import io.jdocker.daemon.api.types.container.ContainerCreateRequest;
import io.jdocker.daemon.container.ContainerLayout;
import io.jdocker.daemon.container.ProcessIdentity;
import io.jdocker.daemon.container.StateStore;
import io.jdocker.daemon.container.WaitCondition;
import io.jdocker.daemon.engine.events.Event;
import io.jdocker.daemon.engine.events.EventBus;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.NotFoundException;
import io.jdocker.image.commit.ImageCommitter;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker commit's engine against a fake runtime and a recording image engine. */
class CommitServiceTest {
  static final Digest IMAGE = Digest.parse("sha256:" + "c".repeat(64));

  @TempDir Path tmp;
  FakeProcessRuntime runtime;
  List<Event> events;
  ContainerService service;
  CommitService commits;
  final List<ImageCommitter.Request> committed = new ArrayList<>();
  /** The container's status while the image engine worked. */
  final List<String> statusDuringCommit = new ArrayList<>();
  IOException failure;

  @BeforeEach
  void setUp() {
    runtime = new FakeProcessRuntime();
    EventBus bus = new EventBus();
    events = new CopyOnWriteArrayList<>();
    bus.subscribe(events::add);
    service = new ContainerService(new StateStore(new ContainerLayout(tmp.resolve("data"))), runtime, bus, 2, false,
        () -> "host", new ProcessIdentity(tmp.resolve("proc")));
    FakeImages busybox = new FakeImages();
    service.useImages(new ImageSource() {
      @Override
      public Image resolve(String reference) {
        return busybox.resolve(reference);
      }

      @Override
      public java.util.Optional<Image> find(String reference) {
        return busybox.find(reference);
      }

      @Override
      public Digest commit(ImageCommitter.Request request) throws IOException {
        committed.add(request);
        statusDuringCommit.add(service.inspect(request.child().containerId(), false).state().status());
        if (failure != null) {
          throw failure;
        }
        return IMAGE;
      }
    });
    commits = service.commits("28.0.0-test");
  }

  @AfterEach
  void tearDown() {
    runtime.processes.values().forEach(p -> p.exit(137));
    service.close();
  }

  String run(String name, String json) {
    String id = service.create(name, ContainerCreateRequest.parse(json.getBytes(StandardCharsets.UTF_8))).id();
    service.start(id);
    return id;
  }

  static CommitBackend.Request request(String container, boolean pause, String... changes) {
    return new CommitBackend.Request(container, "", "", "", "", pause, null, List.of(changes));
  }

  List<String> actions(String id) {
    return events.stream().filter(e -> e.id().equals(id)).map(Event::action).toList();
  }

  @Test
  void aRunningContainerIsFrozenWhileItsChangesAreRead() throws Exception {
    String id = run("web", "{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\",\"echo hi > /hi\"],\"Labels\":{\"l\":\"1\"}}");
    String imageId = commits.commit(new CommitBackend.Request("web", "docker.io/library/name", "v1", "Me", "msg", true,
        null, List.of("ENV X=1")));

    assertEquals(IMAGE.toString(), imageId);
    assertEquals(List.of("paused"), statusDuringCommit);
    assertEquals("running", service.inspect(id, false).state().status());
    assertEquals(List.of("create", "start", "pause", "commit", "unpause"), actions(id));
    Event commit = events.stream().filter(e -> e.action().equals("commit")).findFirst().orElseThrow();
    assertEquals(Map.of("comment", "msg", "imageID", IMAGE.toString(), "imageRef", "name:v1", "image", "busybox",
        "name", "web", "l", "1"), commit.attributes());

    ImageCommitter.Request r = committed.getFirst();
    assertEquals(Digest.parse(FakeImages.BUSYBOX_ID), r.parent());
    assertEquals(ImageReference.parse("name:v1"), r.tag());
    assertEquals(upper(id), r.changes());
    assertEquals(id, r.child().containerId());
    assertEquals("Me", r.child().author());
    assertEquals("msg", r.child().comment());
    assertEquals("linux", r.child().os());
    assertEquals("28.0.0-test", r.child().dockerVersion());
    assertEquals(List.of("sh", "-c", "echo hi > /hi"), r.child().containerConfig().cmd());
    assertEquals(List.of("PATH=/bin", "X=1"), r.child().config().env(), "ENV appended to the container's env");
    assertEquals(List.of("sh", "-c", "echo hi > /hi"), r.child().config().cmd());
    assertEquals("busybox", r.child().config().extra().get("Image"), "Image and Hostname come with the container's config");
    assertEquals(id.substring(0, 12), r.child().config().extra().get("Hostname"));
  }

  @Test
  void aPausedContainerStaysPausedAndPauseFalseLeavesItRunning() throws Exception {
    String paused = run("pp", "{\"Image\":\"busybox\"}");
    service.pause(paused);
    commits.commit(request("pp", true));
    assertEquals("paused", service.inspect(paused, false).state().status());
    assertEquals(List.of("create", "start", "pause", "commit"), actions(paused));

    String running = run("rr", "{\"Image\":\"busybox\"}");
    commits.commit(request("rr", false));
    assertEquals(List.of("paused", "running"), statusDuringCommit);
    assertEquals(List.of("create", "start", "commit"), actions(running));
  }

  @Test
  void aStoppedContainerIsCommittedWithoutPausing() throws Exception {
    String id = run("done", "{\"Image\":\"busybox\"}");
    var exited = service.wait(id, WaitCondition.NEXT_EXIT);
    runtime.process(id).exit(0);
    exited.get();
    commits.commit(request("done", true));
    assertEquals(List.of("exited"), statusDuringCommit);
    assertFalse(actions(id).contains("pause"));
  }

  @Test
  void theBodyReplacesTheContainersConfigWhichFillsWhatItLeavesUnset() throws Exception {
    run("bb", "{\"Image\":\"busybox\",\"Cmd\":[\"sh\"],\"WorkingDir\":\"/w\"}");
    ContainerConfig body = ContainerCreateRequest.parse("{\"Env\":[\"PATH=/opt\",\"Z=1\"],\"User\":\"nobody\"}"
        .getBytes(StandardCharsets.UTF_8)).config();
    commits.commit(new CommitBackend.Request("bb", "", "", "", "", true, body, List.of()));
    var config = committed.getFirst().child().config();
    assertEquals(List.of("PATH=/opt", "Z=1"), config.env(), "the body's PATH wins");
    assertEquals("nobody", config.user());
    assertEquals(List.of("sh"), config.cmd());
    assertEquals("/w", config.workingDir());
    assertEquals("", config.extra().get("Hostname"), "not merged: the body's (empty) value stays, as dockerd");
  }

  @Test
  void changesComeBeforeTheMergeSoAnEntrypointDropsTheContainersCmd() throws Exception {
    run("ee", "{\"Image\":\"busybox\",\"Cmd\":[\"sh\"]}");
    commits.commit(request("ee", true, "ENTRYPOINT [\"/init\"]"));
    var config = committed.getFirst().child().config();
    assertEquals(List.of("/init"), config.entrypoint());
    assertNull(config.cmd());
    assertEquals(List.of("sh"), committed.getFirst().child().containerConfig().cmd());
  }

  @Test
  void theReferenceIsCheckedFirstThenTheContainer() {
    var bad = assertThrows(InvalidParameterException.class, () -> commits.commit(
        new CommitBackend.Request("nope", "Bad", "", "", "", true, null, List.of())));
    assertEquals("invalid reference format: repository name (library/Bad) must be lowercase", bad.getMessage());
    var digest = assertThrows(InvalidParameterException.class, () -> commits.commit(new CommitBackend.Request(
        "nope", "name@sha256:" + "a".repeat(64), "", "", "", true, null, List.of())));
    assertEquals("cannot import digest reference", digest.getMessage());
    var ambiguous = assertThrows(InvalidParameterException.class, () -> commits.commit(
        new CommitBackend.Request("nope", "sha256", "", "", "", true, null, List.of())));
    assertEquals("refusing to create an ambiguous tag using digest algorithm as name", ambiguous.getMessage());
    var missing = assertThrows(NotFoundException.class, () -> commits.commit(request("nope", true)));
    assertEquals("No such container: nope", missing.getMessage());
    assertTrue(committed.isEmpty());
  }

  @Test
  void aBadChangeIsRefusedBeforeAnythingIsPaused() {
    String id = run("bad", "{\"Image\":\"busybox\"}");
    var e = assertThrows(InvalidParameterException.class, () -> commits.commit(request("bad", true, "RUN echo")));
    assertEquals("RUN is not a valid change command", e.getMessage());
    assertEquals(List.of("create", "start"), actions(id));
  }

  @Test
  void aFailedCommitStillUnpausesAndLogsNoCommit() {
    String id = run("ff", "{\"Image\":\"busybox\"}");
    failure = new IOException("disk full");
    assertThrows(IOException.class, () -> commits.commit(request("ff", true)));
    assertEquals(List.of("create", "start", "pause", "unpause"), actions(id));
    assertEquals("running", service.inspect(id, false).state().status());
  }

  @Test
  void theRuntimesMountPointsAreLeftOut() throws Exception {
    String id = run("mm", "{\"Image\":\"busybox\"}");
    Files.createDirectories(upper(id).resolve("etc"));
    Files.writeString(upper(id).resolve("etc/hosts"), "");
    Files.writeString(upper(id).resolve("kept"), "");
    commits.commit(request("mm", true));
    var skip = committed.getFirst().skip();
    assertTrue(skip.test("etc/hosts") && skip.test("etc"));
    assertFalse(skip.test("kept"));
  }

  /** Where ContainerLayout puts a container's overlay upper dir. */
  Path upper(String id) {
    return tmp.resolve("data/rootfs").resolve(id).resolve("upper");
  }
}
