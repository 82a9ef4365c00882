package io.jdocker.daemon.container;

import static io.jdocker.daemon.container.TestContainers.container;
import static io.jdocker.daemon.container.TestContainers.exited;
import static io.jdocker.daemon.container.TestContainers.id;
import static io.jdocker.daemon.container.TestContainers.running;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdocker.daemon.api.Filters;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.NotFoundException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ContainerListFilterTest {
  private final ContainerStore store = new ContainerStore();

  ContainerListFilterTest() {
    store.put(running(TestContainers.withLabels(container(id("a1"), "web", 1), Map.of("tier", "front", "x", "1")), 11));
    store.put(exited(container(id("b2"), "db", 2), 0));
    store.put(exited(TestContainers.withLabels(container(id("c3"), "web-old", 3), Map.of("tier", "back")), 137));
    store.put(container(id("d4"), "fresh", 4));
    store.put(running(container(id("e5"), "cache", 5), 12));
  }

  private List<String> names(boolean all, int limit, String filtersJson) {
    return ContainerListFilter.select(store.all(), new ContainerListFilter.Options(all, limit, Filters.parse(filtersJson)),
        store::get, ContainerListFilter.AncestorMatcher.BY_NAME_OR_ID).stream().map(Container::name).toList();
  }

  @ParameterizedTest(name = "all={0} limit={1} filters={2} → {3}")
  @CsvSource(delimiter = '|', value = {
      "false|0|                                      |cache,web",
      "true |0|                                      |cache,fresh,web-old,db,web",
      "false|2|                                      |cache,fresh",
      "true |1|                                      |cache",
      "false|0|{\"status\":{\"exited\":true}}        |web-old,db",
      "false|0|{\"status\":{\"created\":true,\"running\":true}}|cache,fresh,web",
      "true |0|{\"name\":{\"web\":true}}             |web-old,web",
      "true |0|{\"name\":{\"^/web$\":true}}          |web",
      "true |0|{\"name\":{\"^web$\":true}}           |web",
      "true |0|{\"id\":{\"c3\":true}}                |web-old",
      "true |0|{\"label\":{\"tier\":true}}           |web-old,web",
      "true |0|{\"label\":{\"tier=front\":true}}     |web",
      "true |0|{\"label\":{\"tier=front\":true,\"x=2\":true}}|''",
      "true |0|{\"exited\":{\"137\":true}}           |web-old",
      "true |0|{\"exited\":{\"0\":true,\"137\":true}}|web-old,db",
      "true |0|{\"before\":{\"web-old\":true}}       |db,web",
      "true |0|{\"since\":{\"db\":true}}             |cache,fresh,web-old",
      "true |0|{\"ancestor\":{\"busybox\":true}}     |cache,fresh,web-old,db,web",
      "true |0|{\"ancestor\":{\"busybox:latest\":true}}|cache,fresh,web-old,db,web",
      "true |0|{\"ancestor\":{\"alpine\":true}}      |''",
      "true |0|{\"ancestor\":{\"bbbb\":true}}        |cache,fresh,web-old,db,web",
      "true |0|{\"name\":{\"[\":true}}               |''",
      "true |0|{\"health\":{\"none\":true}}          |cache,fresh,web-old,db,web",
  })
  void selects(boolean all, int limit, String filters, String expected) {
    List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(","));
    assertEquals(want, names(all, limit, filters));
  }

  @Test
  void badFiltersAreDockersErrors() {
    assertEquals("invalid filter 'status=sleeping'", assertThrows(InvalidParameterException.class,
        () -> names(true, 0, "{\"status\":{\"sleeping\":true}}")).getMessage());
    assertEquals("invalid filter 'exited=x'", assertThrows(InvalidParameterException.class,
        () -> names(true, 0, "{\"exited\":{\"x\":true}}")).getMessage());
    assertEquals("invalid filter 'color'", assertThrows(InvalidParameterException.class,
        () -> names(true, 0, "{\"color\":{\"red\":true}}")).getMessage());
    assertThrows(NotFoundException.class, () -> names(true, 0, "{\"before\":{\"nope\":true}}"));
  }
}
