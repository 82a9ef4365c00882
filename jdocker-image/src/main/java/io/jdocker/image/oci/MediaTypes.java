package io.jdocker.image.oci;

import java.util.Set;

/** Media types and annotation keys of OCI and Docker schema2 content. */
public final class MediaTypes {
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  public static final String OCI_LAYER_TAR = "application/vnd.oci.image.layer.v1.tar";
  public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
  public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";

  public static final Set<String> INDEXES = Set.of(OCI_INDEX, DOCKER_MANIFEST_LIST);
  public static final Set<String> MANIFESTS = Set.of(OCI_MANIFEST, DOCKER_MANIFEST);

  /** containerd's annotation carrying the full image name; Docker 25+ writes and reads it. */
  public static final String ANNOTATION_IMAGE_NAME = "io.containerd.image.name";
  public static final String ANNOTATION_REF_NAME = "org.opencontainers.image.ref.name";

  private MediaTypes() {}
}
