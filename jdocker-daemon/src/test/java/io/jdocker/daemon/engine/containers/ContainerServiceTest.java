package io.jdocker.daemon.engine.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.daemon.api.types.container.ContainerCreateRequest;
import io.jdocker.daemon.api.types.container.ContainerInspectResponse;
import io.jdocker.daemon.api.types.container.ContainerWaitResponse;
import io.jdocker.daemon.container.ContainerLayout;
import io.jdocker.daemon.container.ContainerListFilter;
import io.jdocker.daemon.container.ProcessIdentity;
import io.jdocker.daemon.container.StateStore;
import io.jdocker.daemon.container.WaitCondition;
import io.jdocker.daemon.engine.events.Event;
import io.jdocker.daemon.engine.events.EventBus;
import io.jdocker.daemon.logs.LogMessage;
import io.jdocker.daemon.logs.LogReadOptions;
import io.jdocker.errdefs.ConflictException;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.NotFoundException;
import io.jdocker.errdefs.NotModifiedException;
import io.jdocker.image.oci.ContainerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's logic against a fake runtime: waits, exits, policies, rm conflicts, events. */
class ContainerServiceTest {
  @TempDir Path tmp;
  FakeProcessRuntime runtime;
  EventBus bus;
  List<Event> events;
  ContainerService service;

  @BeforeEach
  void setUp() {
    runtime = new FakeProcessRuntime();
    bus = new EventBus();
    events = new CopyOnWriteArrayList<>();
    bus.subscribe(events::add);
    service = newService(new ProcessIdentity(tmp.resolve("proc")));
  }

  ContainerService newService(ProcessIdentity identity) {
    ContainerService s = new ContainerService(new StateStore(new ContainerLayout(tmp.resolve("data"))), runtime, bus,
        2, false, () -> "host", identity);
    s.useImages(new FakeImages());
    return s;
  }

  @AfterEach
  void tearDown() {
    runtime.processes.values().forEach(p -> p.exit(137));
    service.close();
  }

  static ContainerCreateRequest request(String json) {
    return ContainerCreateRequest.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  String create(String name, String json) {
    return service.create(name, request(json)).id();
  }

  List<String> actions(String id) {
    return events.stream().filter(e -> e.id().equals(id)).map(Event::action).toList();
  }

  @Test
  void runToExitAnswersNextExitWaiterAndRecordsTheCode() throws Exception {
    String id = create("web", "{\"Image\":\"busybox\",\"Cmd\":[\"sh\"]}");
    CompletableFuture<ContainerWaitResponse> wait = service.wait(id, WaitCondition.NEXT_EXIT);
    service.start(id);
    runtime.process(id).print("hello\n");
    runtime.process(id).exit(3);
    assertEquals(3, wait.get().statusCode());
    ContainerInspectResponse inspect = service.inspect("web", false);
    assertEquals("exited", inspect.state().status());
    assertEquals(3, inspect.state().exitCode());
    assertEquals(List.of("create", "start", "die"), actions(id));
    assertEquals("3", events.getLast().attributes().get("exitCode"));
    try (var logs = service.logs(id, LogReadOptions.all()).cursor()) {
      LogMessage m = logs.next();
      assertEquals("hello\n", new String(m.bytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void notRunningWaitAnswersAtOnceForACreatedContainer() throws Exception {
    String id = create("", "{\"Image\":\"busybox\"}");
    assertEquals(0, service.wait(id, WaitCondition.NOT_RUNNING).get().statusCode());
    assertFalse(service.wait(id, WaitCondition.NEXT_EXIT).isDone());
  }

  @Test
  void invalidWaitConditionIsRejected() {
    assertEquals("invalid condition: \"bogus\"",
        assertThrows(InvalidParameterException.class, () -> WaitCondition.parse("bogus")).getMessage());
  }

  @Test
  void autoRemoveAnswersRemovedWaitersAfterTheContainerIsGone() throws Exception {
    String id = create("tmp1", "{\"Image\":\"busybox\",\"HostConfig\":{\"AutoRemove\":true}}");
    CompletableFuture<ContainerWaitResponse> removed = service.wait(id, WaitCondition.REMOVED);
    CompletableFuture<ContainerWaitResponse> exited = service.wait(id, WaitCondition.NEXT_EXIT);
    service.start(id);
    runtime.process(id).exit(2);
    assertEquals(2, exited.get().statusCode());
    assertEquals(2, removed.get().statusCode());
    assertThrows(NotFoundException.class, () -> service.inspect(id, false));
    assertEquals(List.of(id), runtime.removed);
    assertEquals(List.of("create", "start", "die", "destroy"), actions(id));
  }

  @Test
  void autoRemoveDropsTheContainersExecRecords() throws Exception {
    String id = create("tmp2", "{\"Image\":\"busybox\",\"HostConfig\":{\"AutoRemove\":true}}");
    CompletableFuture<ContainerWaitResponse> removed = service.wait(id, WaitCondition.REMOVED);
    service.start(id);
    String execId = service.execs().create(id, io.jdocker.daemon.api.ApiJson.mapper()
        .readValue("{\"Cmd\":[\"true\"]}", io.jdocker.daemon.api.containers.ExecCreateRequest.class));
    assertEquals(execId, service.execs().inspect(execId).id());
    runtime.process(id).exit(0);
    removed.get();
    assertThrows(NotFoundException.class, () -> service.execs().inspect(execId));
  }

  @Test
  void removingARunningContainerNeedsForceWhichKillsIt() throws Exception {
    String id = create("busy", "{\"Image\":\"busybox\"}");
    service.start(id);
    assertThrows(ConflictException.class, () -> service.remove("busy", false, false));
    assertEquals("running", service.inspect(id, false).state().status());
    service.remove("busy", true, false);
    assertEquals(List.of(9), runtime.process(id).signals);
    assertThrows(NotFoundException.class, () -> service.inspect(id, false));
    assertTrue(service.list(new ContainerListFilter.Options(true, -1, null), false).isEmpty());
  }

  @Test
  void stopAnswers304WhenNotRunningAndPublishesKillDieStop() throws Exception {
    String id = create("s1", "{\"Image\":\"busybox\"}");
    assertThrows(NotModifiedException.class, () -> service.stop(id, 1, null));
    service.start(id);
    assertThrows(NotModifiedException.class, () -> service.start(id));
    service.stop(id, 1, null);
    assertEquals(143, service.inspect(id, false).state().exitCode());
    assertEquals(List.of("create", "start", "kill", "die", "stop"), actions(id));
    assertThrows(ConflictException.class, () -> service.kill(id, null));
  }

  @Test
  void onFailurePolicyRestartsUpToItsMaximumThenStays() throws Exception {
    CountDownLatch dies = new CountDownLatch(4);
    bus.subscribe(e -> { if (e.action().equals("die")) dies.countDown(); });
    runtime.onStart = p -> p.exit(1);
    String id = create("flaky", "{\"Image\":\"busybox\",\"HostConfig\":{\"RestartPolicy\":{\"Name\":\"on-failure\","
        + "\"MaximumRetryCount\":3}}}");
    service.start(id);
    dies.await();
    ContainerWaitResponse last = service.wait(id, WaitCondition.NOT_RUNNING).get();
    assertEquals(1, last.statusCode());
    ContainerInspectResponse inspect = service.inspect(id, false);
    assertEquals("exited", inspect.state().status());
    assertEquals(3, inspect.restartCount());
    assertEquals(4, runtime.starts);
  }

  @Test
  void anExplicitStopEndsTheAlwaysPolicy() throws Exception {
    String id = create("al", "{\"Image\":\"busybox\",\"HostConfig\":{\"RestartPolicy\":{\"Name\":\"always\"}}}");
    service.start(id);
    service.stop(id, 0, null);
    assertEquals("exited", service.inspect(id, false).state().status());
    assertEquals(1, runtime.starts);
  }

  @Test
  void aCommandThatCannotRunLeavesTheContainerCreatedWith127() {
    runtime.notRunnable = "nope";
    String id = create("bad", "{\"Image\":\"busybox\",\"Cmd\":[\"nope\"]}");
    assertThrows(InvalidParameterException.class, () -> service.start(id));
    ContainerInspectResponse inspect = service.inspect(id, false);
    assertEquals("created", inspect.state().status());
    assertEquals(127, inspect.state().exitCode());
    assertTrue(inspect.state().error().contains("executable file not found"));
  }

  @Test
  void createRefusesUnknownImagesTakenNamesAndBadConfig() {
    create("taken", "{\"Image\":\"busybox\"}");
    assertEquals("No such image: nosuch:latest", assertThrows(NotFoundException.class,
        () -> create("x1", "{\"Image\":\"nosuch\"}")).getMessage());
    assertThrows(ConflictException.class, () -> create("taken", "{\"Image\":\"busybox\"}"));
    assertThrows(InvalidParameterException.class,
        () -> create("mem", "{\"Image\":\"busybox\",\"HostConfig\":{\"Memory\":1024}}"));
    // a refused create gives its name back
    create("mem", "{\"Image\":\"busybox\"}");
  }

  @Test
  void imagesInUseAreReportedForRmi() {
    String id = create("user", "{\"Image\":\"busybox\"}");
    var users = service.usersOf(io.jdocker.image.ref.Digest.parse(FakeImages.BUSYBOX_ID));
    assertEquals(1, users.size());
    assertEquals(id, users.getFirst().containerId());
    assertFalse(users.getFirst().running());
  }

  @Test
  void restartAfterDaemonRestartAdoptsLiveProcessesAndExitsDeadOnes() throws Exception {
    String live = create("live", "{\"Image\":\"busybox\"}");
    String dead = create("dead", "{\"Image\":\"busybox\"}");
    String lost = create("lost", "{\"Image\":\"busybox\"}");
    String always = create("always", "{\"Image\":\"busybox\",\"HostConfig\":{\"RestartPolicy\":{\"Name\":\"always\"}}}");
    for (String id : List.of(live, dead, lost)) {
      service.start(id);
    }
    long livePid = runtime.process(live).pid();
    service.close(); // the daemon goes away; the processes do not
    ProcStatFiles.write(tmp.resolve("proc"), livePid, 4242);
    runtime.adoptable.put(live, runtime.process(live));
    runtime.recorded.put(dead, 9);
    int startsBefore = runtime.starts;
    CountDownLatch alwaysStarted = new CountDownLatch(1);
    bus.subscribe(e -> { if (e.id().equals(always) && e.action().equals("start")) alwaysStarted.countDown(); });

    service = newService(new ProcessIdentity(tmp.resolve("proc")));
    service.restore();
    alwaysStarted.await();
    assertEquals("running", service.inspect(live, false).state().status());
    assertEquals(9, service.inspect(dead, false).state().exitCode());
    assertEquals(255, service.inspect(lost, false).state().exitCode());
    assertEquals(startsBefore + 1, runtime.starts);
    CompletableFuture<ContainerWaitResponse> waited = service.wait(live, WaitCondition.NOT_RUNNING);
    runtime.process(live).exit(4);
    assertEquals(4, waited.get().statusCode());
    assertEquals(Optional.empty(), Optional.ofNullable(service.inspect(always, false).state().error())
        .filter(e -> !e.isEmpty()));
  }
}
