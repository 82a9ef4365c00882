package io.jdocker.image.layer;

/**
 * Choices for {@link LayerUnpacker}.
 *
 * @param allowDevices whether character and block device entries may be created (Docker allows
 *     them in layers; refuse them for archives from less trusted places, e.g. {@code docker cp})
 */
public record UnpackOptions(boolean allowDevices) {
  public static final UnpackOptions DEFAULT = new UnpackOptions(true);
}
