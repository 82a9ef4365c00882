package io.jdocker.cli.command;

import io.jdocker.cli.CliEnvironment;
import io.jdocker.cli.CliException;
import io.jdocker.cli.client.ApiClient;
import io.jdocker.cli.client.DaemonException;
import io.jdocker.cli.client.HttpRequest;
import io.jdocker.cli.client.HttpResponse;
import io.jdocker.cli.client.Query;
import io.jdocker.cli.archive.CopyPaths;
import io.jdocker.cli.archive.CopyPlan;
import io.jdocker.cli.archive.Extractor;
import io.jdocker.cli.archive.LocalArchive;
import io.jdocker.cli.archive.PathStat;
import io.jdocker.cli.format.Units;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The two directions of {@code cp} as docker's {@code cp.go} does them: to a container, HEAD stat
 * of the destination → tar of the local source renamed by {@link CopyPlan} → PUT with
 * {@code noOverwriteDirNonDir=true}; from a container, GET the archive → extract with the same plan.
 * {@code -} is a tar on stdin or stdout. Unless quiet, and only when stdout is a terminal,
 * {@code Successfully copied 2.05kB to DEST} goes to stderr (the size is the tar stream's).
 */
final class ContainerCopy {
  private final ApiClient client;
  private final CliEnvironment env;
  private final boolean quiet;

  ContainerCopy(ApiClient client, CliEnvironment env, boolean quiet) {
    this.client = client;
    this.env = env;
    this.quiet = quiet || !env.stdoutIsTerminal();
  }

  void toContainer(String localPath, String container, String dstPath, boolean copyUidGid, boolean followLink)
      throws IOException {
    String srcPath = localPath.equals("-") ? "-" : LocalPaths.resolve(localPath);
    String target = dstPath;
    PathStat stat = stat(container, dstPath);
    if (stat != null && stat.isSymlink()) {
      target = stat.linkTarget().startsWith("/") ? stat.linkTarget()
          : CopyPaths.clean(CopyPaths.splitDirEntry(dstPath)[0] + "/" + stat.linkTarget());
      stat = stat(container, target);
    }
    if (stat != null && stat.unusableReason() != null) {
      throw new CliException("destination \"" + container + ":" + dstPath + "\" must be a directory or a regular file: "
          + stat.unusableReason());
    }
    boolean exists = stat != null;
    boolean isDir = exists && stat.isDirectory();
    Query query = Query.of().put("copyUIDGID", copyUidGid ? "true" : null).put("noOverwriteDirNonDir", "true");
    CountingInput content;
    String extractDir;
    if (srcPath.equals("-")) {
      if (!isDir) {
        throw new CliException("destination \"" + container + ":" + dstPath + "\" must be a directory");
      }
      content = new CountingInput(env.in());
      extractDir = target;
    } else {
      LocalPaths.Source source = LocalPaths.source(srcPath, followLink);
      CopyPlan plan = prepare(source.path(), source.isDir(), source.rebaseName(), target, exists, isDir);
      String sourceBase = CopyPaths.splitDirEntry(source.path())[1];
      UnaryOperator<String> rename = source.rebaseName().isEmpty() ? plan.rename()
          : name -> plan.rename().apply(CopyPaths.rebase(name, sourceBase, source.rebaseName()));
      content = new CountingInput(archive(source.path(), rename));
      extractDir = plan.extractDir();
    }
    query.put("path", extractDir);
    try (HttpResponse response = client.call(
        HttpRequest.of("PUT", "/containers/" + container + "/archive").withStream(content, "text/plain"), query)) {
      response.bytes();
    }
    if (!quiet) {
      env.err().println("Successfully copied " + Units.humanSizeWithPrecision(srcPath.equals("-") ? 0 : content.count, 3)
          + " to " + container + ":" + target);
    }
  }

  void fromContainer(String container, String srcPath, String localPath, boolean followLink) throws IOException {
    String dstPath = localPath.equals("-") ? "-" : LocalPaths.resolve(localPath);
    if (!dstPath.equals("-")) {
      LocalPaths.validateOutput(dstPath);
    }
    String source = srcPath;
    String rebaseName = "";
    if (followLink) {
      PathStat stat = stat(container, srcPath);
      if (stat != null && stat.isSymlink()) {
        String link = stat.linkTarget().startsWith("/") ? stat.linkTarget()
            : CopyPaths.clean(CopyPaths.splitDirEntry(srcPath)[0] + "/" + stat.linkTarget());
        String[] rebased = LocalPaths.rebaseName(srcPath, link);
        source = rebased[0];
        rebaseName = rebased[1];
      }
    }
    try (HttpResponse response = client.call(HttpRequest.of("GET", "/containers/" + container + "/archive"),
        Query.of().put("path", source))) {
      if (dstPath.equals("-")) {
        response.body().transferTo(env.out());
        env.out().flush();
        return;
      }
      PathStat stat = PathStat.decode(response.header("X-Docker-Container-Path-Stat"));
      boolean srcIsDir = stat != null && stat.isDirectory();
      LocalPaths.Destination dst = LocalPaths.destination(dstPath);
      CopyPlan plan = prepare(source, srcIsDir, rebaseName, dst.path(), dst.exists(), dst.isDir());
      String srcBase = CopyPaths.splitDirEntry(source)[1];
      String fromName = rebaseName;
      UnaryOperator<String> rename = fromName.isEmpty() ? plan.rename()
          : name -> plan.rename().apply(CopyPaths.rebase(name, srcBase, fromName));
      CountingInput content = new CountingInput(response.body());
      Extractor.extract(content, plan.extractDir(), rename);
      content.transferTo(java.io.OutputStream.nullOutputStream());
      if (!quiet) {
        env.err().println("Successfully copied " + Units.humanSizeWithPrecision(content.count, 3) + " to " + dstPath);
      }
    }
  }

  private static CopyPlan prepare(String src, boolean srcIsDir, String rebaseName, String dst, boolean exists, boolean isDir) {
    try {
      return CopyPlan.prepare(src, srcIsDir, rebaseName, dst, exists, isDir);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
  }

  /** HEAD stat of a container path; null when the daemon has nothing to say (missing path, no header). */
  private PathStat stat(String container, String path) {
    try (HttpResponse response = client.call(HttpRequest.of("HEAD", "/containers/" + container + "/archive"),
        Query.of().put("path", path))) {
      return PathStat.decode(response.header("X-Docker-Container-Path-Stat"));
    } catch (DaemonException | IOException e) {
      return null;
    }
  }

  /** The local tar, produced on a thread of its own while the upload reads it. */
  private static InputStream archive(String path, UnaryOperator<String> rename) throws IOException {
    PipedInputStream in = new PipedInputStream(64 * 1024);
    PipedOutputStream out = new PipedOutputStream(in);
    AtomicReference<IOException> failure = new AtomicReference<>();
    Thread.ofPlatform().daemon().name("tar").start(() -> {
      try (out) {
        LocalArchive.write(path, rename, out);
      } catch (IOException e) {
        failure.set(e);
      }
    });
    return new FilterInputStream(in) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0 && failure.get() != null) {
          throw failure.get();
        }
        return n;
      }
    };
  }

  /** Counts the bytes read, for the progress line. */
  private static final class CountingInput extends FilterInputStream {
    long count;

    CountingInput(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      count += Math.max(n, 0);
      return n;
    }
  }
}
