package io.jdocker.image.registry;

import io.jdocker.image.ref.Digest;

/** A manifest or index as the registry served it: its media type, exact bytes and digest. */
public record FetchedManifest(String mediaType, byte[] bytes, Digest digest) {}
