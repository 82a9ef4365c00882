package io.jdocker.daemon.api.types.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Static addresses asked for on one network ({@code --ip}, {@code --ip6}). */
@JsonInclude(Include.NON_EMPTY)
public record EndpointIpamConfig(
    @JsonProperty("IPv4Address") String ipv4Address,
    @JsonProperty("IPv6Address") String ipv6Address,
    @JsonProperty("LinkLocalIPs") List<String> linkLocalIps) {}
