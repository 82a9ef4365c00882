package io.jdocker.daemon.server;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The socket file before bind (another daemon? stale file?) and after (mode, group). */
public final class SocketFiles {
  private static final Logger LOG = LoggerFactory.getLogger(SocketFiles.class);

  private SocketFiles() {}

  /**
   * Makes {@code socket} free to bind: a socket nobody listens on is a leftover and is removed.
   *
   * @throws DaemonAlreadyRunningException a daemon accepts connections on it
   * @throws IOException the path exists and is not a socket, or cannot be removed
   */
  public static void claim(Path socket) throws IOException {
    if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!isSocket(socket)) {
      throw new IOException(socket + " exists and is not a socket; remove it or choose another -H");
    }
    try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      throw new DaemonAlreadyRunningException(
          "another daemon is already listening on " + socket + " (a connection to it succeeded)");
    } catch (ConnectException stale) {
      LOG.info("removing stale socket {}", socket);
      Files.deleteIfExists(socket);
    }
  }

  /** rw for owner and group; the group is {@code docker} when that group exists, as dockerd does. */
  public static void restrict(Path socket, String groupName) throws IOException {
    Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw----"));
    try {
      GroupPrincipal group = socket.getFileSystem().getUserPrincipalLookupService()
          .lookupPrincipalByGroupName(groupName);
      Files.getFileAttributeView(socket, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .setGroup(group);
    } catch (UserPrincipalNotFoundException e) {
      LOG.debug("group {} does not exist; socket keeps the daemon's group", groupName);
    }
  }

  private static boolean isSocket(Path path) throws IOException {
    int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    return (mode & 0170000) == 0140000;
  }

  /** Another jdockerd (or dockerd) owns the socket or data root; the daemon must not start. */
  public static final class DaemonAlreadyRunningException extends IOException {
    private static final long serialVersionUID = 1L;

    public DaemonAlreadyRunningException(String message) {
      super(message);
    }
  }
}
