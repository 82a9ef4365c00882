package io.jdocker.daemon.api.images;

import io.jdocker.daemon.api.Filters;
import io.jdocker.image.oci.Platform;
import io.jdocker.image.ref.ImageReference;
import io.jdocker.image.registry.ProgressSink;
import io.jdocker.image.registry.RegistryAuth;
import io.jdocker.image.registry.SearchResult;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A scripted RegistryBackend: records what the handlers asked for and plays what the test set. */
final class FakeRegistry implements RegistryBackend {
  /** What a pull or push does with its progress sink. */
  @FunctionalInterface
  interface Transfer {
    void run(ProgressSink progress) throws IOException;
  }

  record Pull(ImageReference ref, RegistryAuth auth, Platform platform) {}

  record Push(ImageReference ref, RegistryAuth auth) {}

  record Search(String term, int limit, Filters filters, RegistryAuth auth) {}

  final List<Pull> pulls = new CopyOnWriteArrayList<>();
  final List<Push> pushes = new CopyOnWriteArrayList<>();
  final List<Search> searches = new CopyOnWriteArrayList<>();
  volatile Transfer onPull = progress -> {};
  volatile Transfer onPush = progress -> {};
  volatile List<SearchResult> hits = List.of();

  @Override
  public void pull(ImageReference ref, RegistryAuth auth, Platform platform, ProgressSink progress)
      throws IOException {
    pulls.add(new Pull(ref, auth, platform));
    onPull.run(progress);
  }

  @Override
  public void push(ImageReference ref, RegistryAuth auth, ProgressSink progress) throws IOException {
    pushes.add(new Push(ref, auth));
    onPush.run(progress);
  }

  @Override
  public List<SearchResult> search(String term, int limit, Filters filters, RegistryAuth auth) {
    searches.add(new Search(term, limit, filters, auth));
    return hits;
  }
}
