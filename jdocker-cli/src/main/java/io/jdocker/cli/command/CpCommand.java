package io.jdocker.cli.command;

import io.jdocker.cli.CliException;
import io.jdocker.cli.ExitCodes;
import java.io.IOException;

/** {@code cp}: copies between a container and the host; the work is in {@link ContainerCopy}. */
public final class CpCommand extends ApiCommand {
  private final Flag<Boolean> archive = bool("-a,--archive", "Archive mode (copy all uid/gid information)");
  private final Flag<Boolean> followLink = bool("-L,--follow-link", "Always follow symbol link in SRC_PATH");
  private final Flag<Boolean> quiet = bool("-q,--quiet", "Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached");

  public CpCommand() {
    super("[OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tjdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH",
        "Copy files/folders between a container and the local filesystem\n\n"
            + "Use '-' as the source to read a tar archive from stdin\n"
            + "and extract it to a directory destination in a container.\n"
            + "Use '-' as the destination to stream a tar archive of a\n"
            + "container source to stdout.");
  }

  @Override
  public Integer call() throws IOException {
    exactly(2);
    String source = args().get(0);
    String destination = args().get(1);
    if (source.isEmpty()) {
      throw new CliException("source can not be empty");
    }
    if (destination.isEmpty()) {
      throw new CliException("destination can not be empty");
    }
    String[] src = split(source);
    String[] dst = split(destination);
    if (src[0] != null && dst[0] != null) {
      throw new CliException("copying between containers is not supported");
    }
    if (src[0] == null && dst[0] == null) {
      throw new CliException("must specify at least one container source");
    }
    ContainerCopy copy = new ContainerCopy(client(), env(), quiet.value());
    try {
      if (src[0] != null) {
        copy.fromContainer(src[0], src[1], destination, followLink.value());
      } else {
        copy.toContainer(source, dst[0], dst[1], archive.value(), followLink.value());
      }
    } catch (IOException e) {
      throw new CliException(e.getMessage());
    }
    return ExitCodes.OK;
  }

  /** docker's splitCpArg: {container or null, path}; absolute and {@code ./}-relative paths are local. */
  private static String[] split(String arg) {
    int colon = arg.indexOf(':');
    if (arg.startsWith("/") || colon < 0 || arg.startsWith(".")) {
      return new String[] {null, arg};
    }
    return new String[] {arg.substring(0, colon), arg.substring(colon + 1)};
  }
}
