package io.jdocker.image.store;

import io.jdocker.image.ref.Digest;
import java.nio.file.Path;

/**
 * A layer made ready outside the store lock: its uncompressed tar spooled to {@code tarFile} and,
 * unless the chain already existed, unpacked into {@code unpackedDir} (both in tmp/).
 */
public record PreparedLayer(Digest diffId, Digest chainId, Digest parentChain, Path tarFile, Path unpackedDir, long size) {}
