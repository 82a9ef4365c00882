package io.jdocker.daemon.engine.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.daemon.api.containers.CommitBackend;
import io.jdocker.daemon.api.types.container.ContainerCreateRequest;
import io.jdocker.daemon.container.WaitCondition;
import io.jdocker.daemon.engine.events.Event;
import io.jdocker.daemon.engine.events.EventBus;
import io.jdocker.daemon.engine.images.ImageService;
import io.jdocker.daemon.logs.LogMessage;
import io.jdocker.daemon.logs.LogReadOptions;
import io.jdocker.image.layer.LayerPacker;
import io.jdocker.image.layer.LayerUnpacker;
import io.jdocker.image.oci.HistoryEntry;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.store.ImageStore;
import io.jdocker.image.store.StoredImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker commit on real containers (root): a busybox image in a real image store, the real
 * runtime; what a container wrote, deleted and created is there in a container of the new image.
 */
@Timeout(120)
class CommitRootTest {
  @TempDir Path tmp;
  ContainerService service;
  ImageStore store;
  StoredImage busybox;
  final List<Event> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    RootEngine.assumeRunnable();
    Path layer = RootEngine.busyboxLayer(Files.createDirectories(tmp.resolve("layer")));
    EventBus bus = new EventBus();
    bus.subscribe(events::add);
    service = RootEngine.service(tmp, bus);
    store = ImageStore.open(tmp.resolve("data"), LayerUnpacker.create());
    ImageService images = new ImageService(store, bus, service);
    service.useImages(ImageSource.of(images));
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    LayerPacker.create().pack(layer, tar);
    Digest id = images.importImage(new ByteArrayInputStream(tar.toByteArray()), "busybox", "latest", "", List.of());
    busybox = store.image(id).orElseThrow();
  }

  @AfterEach
  void removeEverything() {
    if (service == null) {
      return;
    }
    RootEngine.removeAll(service);
    service.close();
  }

  String create(String image, String script) {
    String cmd = script == null ? "" : ",\"Cmd\":[\"sh\",\"-c\",\"" + script.replace("\"", "\\\"") + "\"]";
    String json = "{\"Image\":\"" + image + "\"" + cmd + "}";
    return service.create("", ContainerCreateRequest.parse(json.getBytes(StandardCharsets.UTF_8))).id();
  }

  /** Runs a container to its end; returns its stdout. */
  String runToEnd(String image, String script) throws Exception {
    String id = create(image, script);
    var exited = service.wait(id, WaitCondition.NEXT_EXIT);
    service.start(id);
    assertEquals(0, exited.get().statusCode(), () -> "exit code of " + script);
    return stdout(id);
  }

  String stdout(String id) throws IOException {
    StringBuilder out = new StringBuilder();
    try (var cursor = service.logs(id, new LogReadOptions(true, false, -1, null, null, false)).cursor()) {
      for (LogMessage m = cursor.next(); m != null; m = cursor.next()) {
        out.append(new String(m.bytes(), StandardCharsets.UTF_8));
      }
    }
    return out.toString();
  }

  String commit(String container, String repo, String message, String... changes) throws IOException {
    return service.commits("test").commit(new CommitBackend.Request(container, repo, "", "tester", message, true, null,
        List.of(changes)));
  }

  StoredImage image(String id) {
    return store.image(Digest.parse(id)).orElseThrow();
  }

  @Test
  void writesDeletionsAndNewDirectoriesAreInTheCommittedImage() throws Exception {
    String writer = create("busybox", "echo hello > /hello && rm /etc/passwd && mkdir -p /newdir/sub && echo deep > /newdir/sub/f");
    var exited = service.wait(writer, WaitCondition.NEXT_EXIT);
    service.start(writer);
    assertEquals(0, exited.get().statusCode());

    String imageId = commit(writer, "committed", "my message", "CMD [\"cat\",\"/hello\"]");
    StoredImage image = image(imageId);
    assertEquals(busybox.layers().size() + 1, image.layers().size());
    HistoryEntry last = image.config().history().getLast();
    assertEquals("my message", last.comment());
    assertEquals("tester", last.author());
    assertEquals("sh -c echo hello > /hello && rm /etc/passwd && mkdir -p /newdir/sub && echo deep > /newdir/sub/f",
        last.createdBy());
    assertEquals(List.of("etc/", "etc/.wh.passwd", "hello", "newdir/", "newdir/sub/", "newdir/sub/f"),
        entries(image.diffIds().getLast()), "the runtime's mount points are not part of the layer");

    assertEquals("hello\n", runToEnd("committed", null), "the image's Cmd comes from the -c change");
    assertEquals("gone\ndeep\n", runToEnd(imageId,
        "test -e /etc/passwd && echo there || echo gone; cat /newdir/sub/f"));
  }

  @Test
  void aRunningContainerIsPausedForTheCommitAndGoesOn() throws Exception {
    String id = create("busybox", "echo a > /a; echo ready; exec sleep 1000");
    service.start(id);
    waitForLine(id, "ready\n");
    String imageId = commit(id, "", "");
    assertEquals("running", service.inspect(id, false).state().status());
    List<String> actions = events.stream().filter(e -> e.id().equals(id)).map(Event::action).toList();
    assertEquals(List.of("pause", "commit", "unpause"), actions.subList(actions.size() - 3, actions.size()));
    assertEquals("a\n", runToEnd(imageId, "cat /a"));
  }

  @Test
  void anUnchangedContainerAddsOnlyAHistoryEntry() throws Exception {
    String id = create("busybox", "true");
    var exited = service.wait(id, WaitCondition.NEXT_EXIT);
    service.start(id);
    exited.get();
    StoredImage image = image(commit(id, "same", "nothing changed"));
    assertEquals(busybox.chainIds(), image.chainIds(), "the mount points the runtime made are no change");
    assertTrue(image.config().history().getLast().isEmptyLayer());
    assertFalse(image.id().equals(busybox.id()));
  }

  private void waitForLine(String id, String line) throws IOException {
    LogReadOptions follow = new LogReadOptions(true, false, -1, null, null, true);
    try (var cursor = service.logs(id, follow).cursor()) {
      for (LogMessage m = cursor.next(); m != null; m = cursor.next()) {
        if (new String(m.bytes(), StandardCharsets.UTF_8).equals(line)) {
          return;
        }
      }
    }
    throw new AssertionError("container ended before printing " + line);
  }

  private List<String> entries(Digest diffId) throws IOException {
    List<String> names = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(store.layerTar(diffId));
        TarArchiveInputStream in = new TarArchiveInputStream(raw)) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        names.add(e.getName());
      }
    }
    return names;
  }
}
