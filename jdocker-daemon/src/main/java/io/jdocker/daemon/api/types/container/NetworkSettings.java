package io.jdocker.daemon.api.types.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * {@code NetworkSettings} of container inspect (API 1.44 still has the deprecated top-level
 * address fields, filled from the default network).
 */
public record NetworkSettings(
    @JsonProperty("Bridge") String bridge,
    @JsonProperty("SandboxID") String sandboxId,
    @JsonProperty("SandboxKey") String sandboxKey,
    @JsonProperty("Ports") Map<String, List<PortBinding>> ports,
    @JsonProperty("HairpinMode") boolean hairpinMode,
    @JsonProperty("LinkLocalIPv6Address") String linkLocalIpv6Address,
    @JsonProperty("LinkLocalIPv6PrefixLen") int linkLocalIpv6PrefixLen,
    @JsonProperty("SecondaryIPAddresses") List<Object> secondaryIpAddresses,
    @JsonProperty("SecondaryIPv6Addresses") List<Object> secondaryIpv6Addresses,
    @JsonProperty("EndpointID") String endpointId,
    @JsonProperty("Gateway") String gateway,
    @JsonProperty("GlobalIPv6Address") String globalIpv6Address,
    @JsonProperty("GlobalIPv6PrefixLen") int globalIpv6PrefixLen,
    @JsonProperty("IPAddress") String ipAddress,
    @JsonProperty("IPPrefixLen") int ipPrefixLen,
    @JsonProperty("IPv6Gateway") String ipv6Gateway,
    @JsonProperty("MacAddress") String macAddress,
    @JsonProperty("Networks") Map<String, EndpointSettings> networks) {

  /** Settings of a container without addresses: created, stopped, or on {@code none}/{@code host}. */
  public static NetworkSettings unaddressed(String sandboxKey, Map<String, EndpointSettings> networks) {
    return new NetworkSettings("", "", sandboxKey, Map.of(), false, "", 0, null, null, "", "", "", 0, "", 0, "", "",
        networks);
  }
}
