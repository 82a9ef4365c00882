package io.jdocker.image.oci;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The platform of an index entry. */
public record Platform(
    @JsonProperty("architecture") String architecture,
    @JsonProperty("os") String os,
    @JsonProperty("variant") String variant) {

  public static final Platform LINUX_AMD64 = new Platform("amd64", "linux", null);

  public boolean matches(Platform wanted) {
    return wanted.os().equals(os) && wanted.architecture().equals(architecture);
  }
}
