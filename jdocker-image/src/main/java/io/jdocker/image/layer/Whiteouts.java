package io.jdocker.image.layer;

import java.nio.charset.StandardCharsets;

/** The names and marks of deletions: Docker's tar form and overlayfs' on-disk form. */
final class Whiteouts {
  /** {@code .wh.NAME} in a layer tar deletes NAME from the layers below. */
  static final String PREFIX = ".wh.";
  /** Names starting with this are AUFS metadata, not whiteouts, apart from {@link #OPAQUE}. */
  static final String META_PREFIX = ".wh..wh.";
  /** {@code DIR/.wh..wh..opq} hides everything lower layers have in DIR. */
  static final String OPAQUE = ".wh..wh..opq";

  static final String OPAQUE_XATTR = "trusted.overlay.opaque";
  static final byte[] OPAQUE_VALUE = "y".getBytes(StandardCharsets.US_ASCII);
  /** overlayfs' own attributes: never taken from an archive, never written into one. */
  static final String OVERLAY_XATTR_PREFIX = "trusted.overlay.";

  private Whiteouts() {}
}
