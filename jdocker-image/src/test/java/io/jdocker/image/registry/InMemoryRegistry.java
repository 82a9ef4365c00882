package io.jdocker.image.registry;

import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.errdefs.NotFoundException;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.ref.ImageReference;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongConsumer;

/**
 * A registry in memory for pull and push tests: repositories by full name, each with manifests by
 * tag and digest and its blobs. Like distribution it checks uploaded digests; unlike it, it can
 * be told to serve wrong bytes for a blob. Records which blobs were fetched and uploaded.
 */
final class InMemoryRegistry implements RegistryAccess {
  private final Map<String, Repo> repos = new ConcurrentHashMap<>();
  final List<String> opened = Collections.synchronizedList(new ArrayList<>());

  Repo repo(String name) {
    return repos.computeIfAbsent(name, Repo::new);
  }

  @Override
  public RegistryRepository open(ImageReference ref, RegistryAuth auth, boolean push) {
    opened.add(ref.name() + (push ? " push" : " pull"));
    return repo(ref.name());
  }

  @Override
  public String login(String serverAddress, RegistryAuth auth) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<SearchResult> search(String indexHost, String term, int limit, RegistryAuth auth) {
    throw new UnsupportedOperationException();
  }

  static final class Repo implements RegistryRepository {
    private final String name;
    private final Map<String, FetchedManifest> manifests = new ConcurrentHashMap<>();
    private final Map<Digest, byte[]> blobs = new ConcurrentHashMap<>();
    private final Map<Digest, byte[]> served = new ConcurrentHashMap<>();
    private final Map<Digest, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final Map<Digest, CountDownLatch> stalls = new ConcurrentHashMap<>();
    final List<Digest> fetched = Collections.synchronizedList(new ArrayList<>());
    final List<Digest> uploaded = Collections.synchronizedList(new ArrayList<>());
    final List<String> putTags = Collections.synchronizedList(new ArrayList<>());

    Repo(String name) {
      this.name = name;
    }

    /** Stores a blob; returns its digest. */
    Digest putBlob(byte[] content) {
      Digest d = Digest.of(content);
      blobs.put(d, content);
      return d;
    }

    /** Serves {@code content} whenever blob {@code digest} is fetched (a lying registry or a broken cache). */
    void serveInstead(Digest digest, byte[] content) {
      served.put(digest, content);
    }

    /** Makes fetches of blob {@code digest} wait until {@code gate} opens. */
    void holdBlob(Digest digest, CountDownLatch gate) {
      gates.put(digest, gate);
    }

    /**
     * Makes blob {@code digest} a stream that never sends a byte until it is closed (a stalled
     * connection); {@code opened} counts down when a download has started reading it.
     */
    void stallBlob(Digest digest, CountDownLatch opened) {
      stalls.put(digest, opened);
    }

    /** Stores a manifest under its digest and, when given, a tag; returns its digest. */
    Digest putManifest(String tag, String mediaType, String json) {
      byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      Digest d = Digest.of(bytes);
      FetchedManifest m = new FetchedManifest(mediaType, bytes, d);
      manifests.put(d.toString(), m);
      if (tag != null) {
        manifests.put(tag, m);
      }
      return d;
    }

    /** Removes a blob, as a registry's garbage collection or {@code DELETE} would. */
    void deleteBlob(Digest d) {
      blobs.remove(d);
    }

    byte[] blobBytes(Digest d) {
      return blobs.get(d);
    }

    FetchedManifest manifestAt(String tagOrDigest) {
      return manifests.get(tagOrDigest);
    }

    @Override
    public String path() {
      return ImageReference.parseCanonical(name).path();
    }

    @Override
    public FetchedManifest manifest(String tagOrDigest) {
      FetchedManifest m = manifests.get(tagOrDigest);
      if (m == null) {
        throw new NotFoundException("manifest unknown: manifest unknown");
      }
      return m;
    }

    @Override
    public List<String> tags() {
      return manifests.keySet().stream().filter(k -> !Digest.isDigest(k)).sorted().toList();
    }

    @Override
    public BlobStream blob(Digest digest) throws IOException {
      CountDownLatch gate = gates.get(digest);
      if (gate != null) {
        try {
          gate.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException();
        }
      }
      CountDownLatch stall = stalls.get(digest);
      if (stall != null) {
        fetched.add(digest);
        return new BlobStream(new StalledStream(stall), -1);
      }
      byte[] content = served.getOrDefault(digest, blobs.get(digest));
      if (content == null) {
        throw new NotFoundException("blob unknown: blob unknown to registry");
      }
      fetched.add(digest);
      return new BlobStream(new ByteArrayInputStream(content), content.length);
    }

    @Override
    public boolean hasBlob(Digest digest) {
      return blobs.containsKey(digest);
    }

    @Override
    public void uploadBlob(Digest digest, Path file, LongConsumer sent) throws IOException {
      byte[] content = Files.readAllBytes(file);
      if (!Digest.of(content).equals(digest)) {
        throw new InvalidParameterException("digest invalid: provided digest did not match uploaded content");
      }
      // Report in two steps, as a streaming client would.
      sent.accept(content.length / 2);
      sent.accept(content.length);
      blobs.put(digest, content);
      uploaded.add(digest);
    }

    @Override
    public Digest putManifest(String tag, String mediaType, byte[] bytes) {
      Digest d = Digest.of(bytes);
      FetchedManifest m = new FetchedManifest(mediaType, bytes, d);
      manifests.put(d.toString(), m);
      manifests.put(tag, m);
      putTags.add(tag);
      return d;
    }
  }

  /** Blocks every read until closed, then fails it, as a socket closed under its reader does. */
  private static final class StalledStream extends java.io.InputStream {
    private final CountDownLatch reading;
    private final CountDownLatch closed = new CountDownLatch(1);

    StalledStream(CountDownLatch reading) {
      this.reading = reading;
    }

    @Override
    public int read() throws IOException {
      reading.countDown();
      // Like a socket read, an interrupt does not end the wait: only closing the stream does.
      boolean interrupted = false;
      while (closed.getCount() > 0) {
        try {
          closed.await();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      throw new IOException("stream closed");
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return read();
    }

    @Override
    public void close() {
      closed.countDown();
    }
  }
}
