package io.jdocker.daemon.api.types.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** {@code GraphDriver}: {@code {"Data":{"LowerDir":…,"MergedDir":…,"UpperDir":…,"WorkDir":…},"Name":"overlay2"}}. */
public record GraphDriverData(@JsonProperty("Data") Map<String, String> data, @JsonProperty("Name") String name) {}
