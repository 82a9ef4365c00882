package io.jdocker.daemon.api.system;

/** {@code /info}'s container numbers, from the container engine's memory (no /proc scans). */
public record ContainerCounts(int total, int running, int paused, int stopped) {
  public static final ContainerCounts NONE = new ContainerCounts(0, 0, 0, 0);

  /** Asked once per {@code /info}. */
  @FunctionalInterface
  public interface Source {
    ContainerCounts counts();
  }
}
