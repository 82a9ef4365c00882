package io.jdocker.image.registry;

import io.jdocker.image.ref.Digest;

/** A blob as a manifest names it: digest and size in bytes. */
record BlobRef(Digest digest, long size) {}
