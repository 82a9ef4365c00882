package io.jdocker.daemon.api.types.container;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A container's endpoint on one network: the request part (IPAMConfig, Aliases...) and the operational data. */
public record EndpointSettings(
    @JsonProperty("IPAMConfig") EndpointIpamConfig ipamConfig,
    @JsonProperty("Links") List<String> links,
    @JsonProperty("Aliases") List<String> aliases,
    @JsonProperty("MacAddress") String macAddress,
    @JsonProperty("DriverOpts") Map<String, String> driverOpts,
    @JsonProperty("NetworkID") String networkId,
    @JsonProperty("EndpointID") String endpointId,
    @JsonProperty("Gateway") String gateway,
    @JsonProperty("IPAddress") String ipAddress,
    @JsonProperty("IPPrefixLen") int ipPrefixLen,
    @JsonProperty("IPv6Gateway") String ipv6Gateway,
    @JsonProperty("GlobalIPv6Address") String globalIpv6Address,
    @JsonProperty("GlobalIPv6PrefixLen") int globalIpv6PrefixLen,
    @JsonProperty("DNSNames") List<String> dnsNames) {

  public EndpointSettings {
    macAddress = ContainerConfig.orEmpty(macAddress);
    networkId = ContainerConfig.orEmpty(networkId);
    endpointId = ContainerConfig.orEmpty(endpointId);
    gateway = ContainerConfig.orEmpty(gateway);
    ipAddress = ContainerConfig.orEmpty(ipAddress);
    ipv6Gateway = ContainerConfig.orEmpty(ipv6Gateway);
    globalIpv6Address = ContainerConfig.orEmpty(globalIpv6Address);
  }

  /** An endpoint with no request settings and no address yet (e.g. {@code none}, or not started). */
  public static EndpointSettings unattached(String networkId) {
    return new EndpointSettings(null, null, null, null, null, networkId, null, null, null, 0, null, null, 0, null);
  }
}
