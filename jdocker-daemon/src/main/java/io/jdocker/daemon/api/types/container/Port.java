package io.jdocker.daemon.api.types.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A port in {@code ps}: {@code {"IP":"0.0.0.0","PrivatePort":80,"PublicPort":8080,"Type":"tcp"}}; unpublished ports have no IP and PublicPort. */
public record Port(
    @JsonProperty("IP") @JsonInclude(Include.NON_EMPTY) String ip,
    @JsonProperty("PrivatePort") int privatePort,
    @JsonProperty("PublicPort") @JsonInclude(Include.NON_DEFAULT) int publicPort,
    @JsonProperty("Type") String type) {}
