package io.jdocker.daemon.container;

import static io.jdocker.daemon.container.TestContainers.container;
import static io.jdocker.daemon.container.TestContainers.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.errdefs.ConflictException;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.NotFoundException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerStoreTest {
  private final ContainerStore store = new ContainerStore();
  private final Container web = container(id("abc1"), "web", 1);
  private final Container db = container(id("abc2"), "db", 2);

  ContainerStoreTest() {
    store.put(web);
    store.put(db);
  }

  @Test
  void findsByFullIdNameWithOrWithoutSlashAndUniquePrefix() {
    assertEquals(web, store.get(web.id().value()));
    assertEquals(web, store.get("web"));
    assertEquals(web, store.get("/web"));
    assertEquals(db, store.get("abc2"));
    assertEquals(db, store.get("abc20"));
  }

  @Test
  void ambiguousPrefixIsDockersError() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> store.get("abc"));
    assertEquals("multiple IDs found with provided prefix: abc", e.getMessage());
  }

  @Test
  void unknownIsNotFound() {
    assertEquals("No such container: nope", assertThrows(NotFoundException.class, () -> store.get("nope")).getMessage());
    assertEquals("invalid container name or ID: value is empty",
        assertThrows(InvalidParameterException.class, () -> store.get("")).getMessage());
  }

  @Test
  void nameBeatsIdPrefix() {
    Container named = container(id("ff"), "abc1", 3);
    store.put(named);
    assertEquals(named, store.get("abc1"));
  }

  @Test
  void takenNameIsDockersConflict() {
    ConflictException e = assertThrows(ConflictException.class, () -> store.reserveName("/web", id("dd")));
    assertEquals("Conflict. The container name \"/web\" is already in use by container \"" + web.id().value()
        + "\". You have to remove (or rename) that container to be able to reuse that name.", e.getMessage());
  }

  @Test
  void invalidNameIsRejected() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> store.reserveName("a", id("dd")));
    assertEquals("Invalid container name (a), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed", e.getMessage());
    assertThrows(InvalidParameterException.class, () -> store.reserveName("_x", id("dd")));
    assertThrows(InvalidParameterException.class, () -> store.reserveName("a b", id("dd")));
  }

  @Test
  void releasedAndRemovedNamesCanBeReused() {
    store.reserveName("new1", id("dd"));
    store.releaseName("new1", id("dd"));
    store.reserveName("new1", id("ee"));
    store.remove(web.id());
    assertFalse(store.find("web").isPresent());
    store.reserveName("web", id("ee"));
  }

  @Test
  void renameMovesTheNameAndKeepsItOnConflict() {
    Container renamed = store.rename(web.id(), "front");
    assertEquals("front", renamed.name());
    assertEquals(web.id(), store.get("front").id());
    assertFalse(store.find("web").isPresent());
    assertThrows(ConflictException.class, () -> store.rename(web.id(), "db"));
    assertEquals("front", store.get(web.id().value()).name());
    assertThrows(InvalidParameterException.class, () -> store.rename(web.id(), "front"));
  }

  @Test
  void generatedNamesAreReservedAndUnique() {
    ContainerStore s = new ContainerStore(new NameGenerator(bound -> 0));
    String first = s.reserveGeneratedName(id("11"));
    String second = s.reserveGeneratedName(id("22"));
    assertEquals("admiring_agnesi", first);
    assertEquals("admiring_agnesi0", second, "a retry appends a digit");
    assertTrue(second.matches("[a-z]+_[a-z]+\\d"));
  }

  @Test
  void updateIsAtomicAndListIsNewestFirst() {
    store.update(web.id(), c -> TestContainers.running(c, 10));
    assertEquals(ContainerStatus.RUNNING, store.get("web").state().status());
    assertEquals(List.of(db, store.get("web")), store.all());
    assertThrows(NotFoundException.class, () -> store.update(id("99"), c -> c));
  }

  @Test
  void failedTransitionLeavesTheStoreUnchanged() {
    assertThrows(ConflictException.class, () -> store.update(web.id(), c -> c.transition(new Transition.Pause())));
    assertEquals(web, store.get("web"));
  }
}
