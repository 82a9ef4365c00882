package io.jdocker.daemon.engine.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdocker.daemon.engine.events.Event;
import io.jdocker.daemon.engine.events.EventBus;
import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.ForbiddenException;
import io.jdocker.errdefs.NotFoundException;
import io.jdocker.errdefs.SystemException;
import io.jdocker.errdefs.UnauthorizedException;
import io.jdocker.image.oci.Platform;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.registry.ImagePuller;
import io.jdocker.image.registry.ProgressSink;
import io.jdocker.image.registry.RegistryAccess;
import io.jdocker.image.registry.RegistryAuth;
import io.jdocker.image.registry.RegistryRepository;
import io.jdocker.image.registry.SearchResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's registry rules with a fake registry and fake transfers: search, login, events. */
class RegistryServiceTest {
  @TempDir Path dataRoot;
  private final EventBus bus = new EventBus();
  private final List<String> calls = new ArrayList<>();
  private List<SearchResult> hits = List.of();
  private ImageService images;
  private RegistryService service;

  private final RegistryAccess registries = new RegistryAccess() {
    @Override
    public RegistryRepository open(ImageReference ref, RegistryAuth auth, boolean push) {
      throw new AssertionError("transfers are faked");
    }

    @Override
    public String login(String serverAddress, RegistryAuth auth) {
      calls.add("login " + serverAddress + " " + auth.username());
      return null;
    }

    @Override
    public List<SearchResult> search(String indexHost, String term, int limit, RegistryAuth auth) {
      calls.add("search " + indexHost + " " + term + " " + limit);
      return hits;
    }
  };

  /** Pulls store nothing: the test decides what the "pulled" image is. */
  private Digest pulledImage;
  private final RegistryTransfers transfers = new RegistryTransfers() {
    @Override
    public ImagePuller.Result pull(ImageReference ref, RegistryAuth auth, Platform platform, ProgressSink p) {
      calls.add("pull " + ref);
      if (ref.path().endsWith("refused")) {
        throw new UnauthorizedException("unauthorized: authentication required");
      }
      if (ref.path().endsWith("denied")) {
        throw new ForbiddenException("denied: requested access to the resource is denied");
      }
      return new ImagePuller.Result(pulledImage, pulledImage, ref, true);
    }

    @Override
    public List<ImagePuller.Result> pullAllTags(ImageReference repository, RegistryAuth auth, Platform platform,
        ProgressSink p) {
      calls.add("pull -a " + repository);
      return List.of();
    }

    @Override
    public void push(ImageReference ref, RegistryAuth auth, ProgressSink p) {
      calls.add("push " + ref);
      if (ref.path().endsWith("refused")) {
        throw new UnauthorizedException("unauthorized: authentication required");
      }
      if (ref.path().endsWith("missing")) {
        throw new NotFoundException("An image does not exist locally with the tag: " + ref.familiarName());
      }
    }
  };

  @BeforeEach
  void setUp() throws Exception {
    images = TestImages.service(dataRoot, bus, ContainerImageUsage.NONE);
    service = new RegistryService(images.store(), registries, transfers, bus);
  }

  private static SearchResult hit(String name, int stars, boolean official, boolean automated) {
    return new SearchResult(name, "d", stars, official, automated);
  }

  private List<String> search(String term, int limit, String filters) throws Exception {
    return service.search(term, limit, TestImages.filters(filters), RegistryAuth.ANONYMOUS).stream()
        .map(r -> r.name() + (r.automated() ? "+automated" : "")).toList();
  }

  @Test
  void searchAsksTheRightIndexWithDockersDefaults() throws Exception {
    search("busybox", 0, null);
    search("library/busybox", 10, null);
    search("index.docker.io/library/busybox", 10, null);
    search("127.0.0.1:5000/word", 100, null);
    search("localhost/a/b", 1, null);
    search("someone/tool", 25, null);
    assertEquals(List.of("search docker.io busybox 25", "search docker.io busybox 10", "search docker.io busybox 10",
        "search 127.0.0.1:5000 word 100", "search localhost a/b 1", "search docker.io someone/tool 25"), calls);
  }

  @Test
  void searchFiltersAsDockerd() throws Exception {
    hits = List.of(hit("busybox", 3400, true, true), hit("u/busy", 3, false, true), hit("v/busy", 1, false, false));
    assertEquals(List.of("busybox", "u/busy", "v/busy"), search("busy", 0, null)); // is_automated is never true
    assertEquals(List.of("busybox"), search("busy", 0, "{\"is-official\":[\"true\"]}"));
    assertEquals(List.of("u/busy", "v/busy"), search("busy", 0, "{\"is-official\":{\"false\":true}}"));
    assertEquals(List.of("busybox", "u/busy"), search("busy", 0, "{\"stars\":[\"2\",\"3\"]}"));
    assertEquals(List.of("busybox", "u/busy", "v/busy"), search("busy", 0, "{\"is-automated\":[\"false\"]}"));
    calls.clear();
    assertEquals(List.of(), search("busy", 0, "{\"is-automated\":[\"true\"]}"));
    assertEquals(List.of(), calls); // nothing can match: no request at all
  }

  @Test
  void badSearchesAreRefusedWithDockerdsWords() {
    assertEquals("invalid filter 'label'", assertThrows(InvalidParameterException.class,
        () -> search("x", 0, "{\"label\":[\"a\"]}")).getMessage());
    assertEquals("invalid filter 'is-official=yes'", assertThrows(InvalidParameterException.class,
        () -> search("x", 0, "{\"is-official\":[\"yes\"]}")).getMessage());
    assertEquals("invalid filter 'stars=many': strconv.Atoi: parsing \"many\": invalid syntax",
        assertThrows(InvalidParameterException.class, () -> search("x", 0, "{\"stars\":[\"many\"]}")).getMessage());
    assertEquals("limit 101 is outside the range of [1, 100]",
        assertThrows(InvalidParameterException.class, () -> search("x", 101, null)).getMessage());
    assertEquals("limit -1 is outside the range of [1, 100]",
        assertThrows(InvalidParameterException.class, () -> search("x", -1, null)).getMessage());
    assertEquals("invalid repository name: repository name (https://x/y) should not have a scheme",
        assertThrows(InvalidParameterException.class, () -> search("https://x/y", 0, null)).getMessage());
    assertTrue(calls.isEmpty());
  }

  @Test
  void loginWithoutServerGoesToDockerHubAndNoTokenIsEmpty() throws Exception {
    assertEquals("", service.login("", new RegistryAuth("u", "p", null, null)));
    assertEquals("", service.login("127.0.0.1:5000", new RegistryAuth("u", "p", null, null)));
    assertEquals(List.of("login https://index.docker.io/v1/ u", "login 127.0.0.1:5000 u"), calls);
  }

  @Test
  void pullEventNamesTheReferenceWithTheImagesLabels() throws Exception {
    pulledImage = TestImages.importImage(images, "x", "", "LABEL team=blue");
    service.pull(ImageReference.parse("busybox:1.36"), RegistryAuth.ANONYMOUS, null, ProgressSink.NONE);
    service.pull(ImageReference.parse("127.0.0.1:5000/x"), RegistryAuth.ANONYMOUS, null, ProgressSink.NONE);
    assertEquals(List.of("pull docker.io/library/busybox:1.36", "pull -a 127.0.0.1:5000/x"), calls);
    List<Event> pulls = bus.history().stream().filter(e -> e.action().equals("pull")).toList();
    assertEquals("busybox:1.36", pulls.get(0).id());
    assertEquals(Map.of("name", "busybox", "team", "blue"), pulls.get(0).attributes());
    assertEquals("127.0.0.1:5000/x", pulls.get(1).id());
    assertEquals(Map.of("name", "127.0.0.1:5000/x"), pulls.get(1).attributes());
  }

  @Test
  void pushEventOnlyAfterASuccessfulPush() throws Exception {
    TestImages.importImage(images, "y", "127.0.0.1:5000/app:v1", "LABEL team=red");
    service.push(ImageReference.parse("127.0.0.1:5000/app:v1"), RegistryAuth.ANONYMOUS, ProgressSink.NONE);
    assertThrows(NotFoundException.class, () -> service.push(ImageReference.parse("127.0.0.1:5000/missing:v1"),
        RegistryAuth.ANONYMOUS, ProgressSink.NONE));
    List<Event> pushes = bus.history().stream().filter(e -> e.action().equals("push")).toList();
    assertEquals(1, pushes.size());
    assertEquals("127.0.0.1:5000/app:v1", pushes.getFirst().id());
    assertEquals(Map.of("name", "127.0.0.1:5000/app", "team", "red"), pushes.getFirst().attributes());
  }

  /** The docker CLI prompts for a login on a 401 from pull or push: dockerd answers 500 (or 404 when denied). */
  @Test
  void registryRefusalsAreNot401s() {
    SystemException pull = assertThrows(SystemException.class, () -> service.pull(
        ImageReference.parse("127.0.0.1:5000/refused:v1"), RegistryAuth.ANONYMOUS, null, ProgressSink.NONE));
    assertEquals("unauthorized: authentication required", pull.getMessage());
    SystemException push = assertThrows(SystemException.class, () -> service.push(
        ImageReference.parse("127.0.0.1:5000/refused:v1"), RegistryAuth.ANONYMOUS, ProgressSink.NONE));
    assertEquals("unauthorized: authentication required", push.getMessage());
    NotFoundException denied = assertThrows(NotFoundException.class, () -> service.pull(
        ImageReference.parse("127.0.0.1:5000/denied:v1"), RegistryAuth.ANONYMOUS, null, ProgressSink.NONE));
    assertEquals("pull access denied for 127.0.0.1:5000/denied, repository does not exist or may require"
        + " 'docker login': requested access to the resource is denied", denied.getMessage());
  }
}
