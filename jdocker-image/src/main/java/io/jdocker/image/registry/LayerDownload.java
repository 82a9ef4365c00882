package io.jdocker.image.registry;

import io.jdocker.errdefs.InvalidParameterException;
import io.jdocker.image.ref.Digest;
import io.jdocker.image.store.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.concurrent.Callable;

/**
 * Downloads one layer blob into a temp file while hashing it, reporting "Downloading", then
 * "Verifying Checksum" and "Download complete". A wrong digest or size is refused naming the
 * layer; on any failure or {@link #abort} the temp file is removed by the download itself.
 */
final class LayerDownload implements Callable<Path> {
  private static final int BUFFER = 64 * 1024;

  private final RegistryRepository repo;
  private final Digest digest;
  private final long size;
  private final Path temp;
  private final ProgressSink progress;
  private volatile boolean aborted;
  private volatile BlobStream open;

  /** {@code size} is the descriptor's, or a value below 1 when the manifest gave none. */
  LayerDownload(RegistryRepository repo, Digest digest, long size, Path temp, ProgressSink progress) {
    this.repo = repo;
    this.digest = digest;
    this.size = size;
    this.temp = temp;
    this.progress = progress;
  }

  Path temp() {
    return temp;
  }

  @Override
  public Path call() throws IOException {
    try {
      download();
      return temp;
    } catch (IOException | RuntimeException | Error e) {
      AtomicFiles.deleteQuietly(temp);
      if (aborted) {
        throw new InterruptedIOException("download of layer " + digest + " aborted");
      }
      throw e;
    }
  }

  /** Stops the download from another thread: closing the stream unblocks a read in progress. */
  void abort() {
    aborted = true;
    BlobStream stream = open;
    if (stream != null) {
      try {
        stream.close();
      } catch (IOException | RuntimeException e) {
        // Closing is only a nudge; the download fails either way.
      }
    }
  }

  private void download() throws IOException {
    String id = digest.shortId();
    long total = size > 0 ? size : -1;
    MessageDigest sha = Digest.sha256();
    long received;
    ProgressThrottle throttle = ProgressThrottle.systemClock();
    checkAborted();
    try (BlobStream blob = repo.blob(digest)) {
      open = blob;
      checkAborted();
      long expected = total > 0 ? total : blob.size();
      try (InputStream in = blob.in();
          OutputStream out = new DigestOutputStream(
              Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), sha)) {
        byte[] buf = new byte[BUFFER];
        received = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
          checkAborted();
          out.write(buf, 0, n);
          received += n;
          if (total > 0 && received > total) {
            throw sizeMismatch(received);
          }
          if (throttle.due(received, expected)) {
            progress.layer(id, "Downloading", received, expected);
          }
        }
      }
    } finally {
      open = null;
    }
    progress.layer(id, "Verifying Checksum", -1, -1);
    Digest actual = Digest.ofRawDigest(sha.digest());
    if (!actual.equals(digest)) {
      throw new InvalidParameterException("digest mismatch for layer " + digest + ": the registry sent content with digest "
          + actual);
    }
    if (total > 0 && received != total) {
      throw sizeMismatch(received);
    }
    progress.layer(id, "Download complete", -1, -1);
  }

  private InvalidParameterException sizeMismatch(long received) {
    return new InvalidParameterException("size mismatch for layer " + digest + ": the manifest says " + size
        + " bytes, the registry sent " + (received > size ? "more" : String.valueOf(received)));
  }

  private void checkAborted() throws InterruptedIOException {
    if (aborted || Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException("download of layer " + digest + " aborted");
    }
  }
}
