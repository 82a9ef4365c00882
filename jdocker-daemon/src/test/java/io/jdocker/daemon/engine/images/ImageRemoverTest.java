package io.jdocker.daemon.engine.images;

import static io.jdocker.daemon.engine.images.TestImages.importImage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.daemon.engine.events.Event;
import io.jdocker.daemon.engine.events.EventBus;
import io.jdocker.errdefs.ConflictException;
import io.jdocker.errdefs.NotFoundException;
import io.jdocker.image.ref.Digest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageRemoverTest {
  @TempDir Path dataRoot;
  private final EventBus bus = new EventBus();
  private final List<ContainerImageUsage.User> users = new ArrayList<>();

  private ImageService service() throws Exception {
    return TestImages.service(dataRoot, bus, id -> List.copyOf(users));
  }

  @Test
  void untagsFirstAndDeletesWithTheLastReference() throws Exception {
    ImageService s = service();
    Digest id = importImage(s, "a", "busybox:latest");
    s.tag("busybox", "mine", "v1");
    assertEquals(List.of(DeleteItem.untagged("busybox:latest")), s.remove("busybox", false, false));
    List<DeleteItem> items = s.remove("mine:v1", false, false);
    assertEquals(DeleteItem.untagged("mine:v1"), items.get(0));
    assertEquals(DeleteItem.deleted(id.toString()), items.get(1));
    assertEquals(3, items.size(), "the image and its one layer: " + items);
    assertTrue(s.store().image(id).isEmpty());
    List<String> actions = bus.history().stream().map(Event::action).toList();
    assertEquals(List.of("tag", "import", "tag", "untag", "untag", "delete"), actions);
  }

  @Test
  void idReferencedInSeveralRepositoriesNeedsForce() throws Exception {
    ImageService s = service();
    Digest id = importImage(s, "a", "busybox:latest");
    s.tag("busybox", "other", "");
    ConflictException e = assertThrows(ConflictException.class, () -> s.remove(id.hex().substring(0, 12), false, false));
    assertEquals("conflict: unable to delete " + id.shortId()
        + " (must be forced) - image is referenced in multiple repositories", e.getMessage());
    List<DeleteItem> items = s.remove(id.toString(), true, false);
    assertEquals(List.of(DeleteItem.untagged("busybox:latest"), DeleteItem.untagged("other:latest")), items.subList(0, 2));
    assertEquals(DeleteItem.deleted(id.toString()), items.get(2));
  }

  @Test
  void idWithSingleTagIsUntaggedAndDeleted() throws Exception {
    ImageService s = service();
    Digest id = importImage(s, "a", "busybox:latest");
    List<DeleteItem> items = s.remove(id.hex(), false, false);
    assertEquals(DeleteItem.untagged("busybox:latest"), items.get(0));
    assertEquals(DeleteItem.deleted(id.toString()), items.get(1));
  }

  @Test
  void containersBlockDeletion() throws Exception {
    ImageService s = service();
    Digest id = importImage(s, "a", "busybox:latest");
    users.add(new ContainerImageUsage.User("c0ffee0000000000000000", true));
    ConflictException byName = assertThrows(ConflictException.class, () -> s.remove("busybox", false, false));
    assertEquals("conflict: unable to remove repository reference \"busybox\" (must force) - container c0ffee000000"
        + " is using its referenced image " + id.shortId(), byName.getMessage());
    s.remove("busybox", true, false);
    ConflictException running = assertThrows(ConflictException.class, () -> s.remove(id.toString(), true, false));
    assertEquals("conflict: unable to delete " + id.shortId() + " (cannot be forced) - image is being used by running"
        + " container c0ffee000000", running.getMessage());
    users.set(0, new ContainerImageUsage.User("c0ffee0000000000000000", false));
    ConflictException stopped = assertThrows(ConflictException.class, () -> s.remove(id.toString(), false, false));
    assertTrue(stopped.getMessage().endsWith("(must be forced) - image is being used by stopped container c0ffee000000"));
    s.remove(id.toString(), true, false);
    assertTrue(s.store().image(id).isEmpty());
  }

  @Test
  void unknownImageIs404() throws Exception {
    ImageService s = service();
    NotFoundException e = assertThrows(NotFoundException.class, () -> s.remove("nope:1", false, false));
    assertEquals("No such image: nope:1", e.getMessage());
  }

  @Test
  void sharedLayerStaysUntilItsLastImageGoes() throws Exception {
    ImageService s = service();
    Digest a = importImage(s, "same", "a:1");
    Thread.sleep(2); // another "created" time: another config, same layer
    Digest b = importImage(s, "same", "b:1");
    List<DeleteItem> first = s.remove("a:1", false, false);
    assertEquals(List.of(DeleteItem.untagged("a:1"), DeleteItem.deleted(a.toString())), first);
    List<DeleteItem> second = s.remove("b:1", false, false);
    assertEquals(3, second.size(), second.toString());
    assertTrue(s.store().image(b).isEmpty());
  }
}
