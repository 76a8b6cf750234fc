package io.beacon.cmdb.rest;

import io.beacon.cmdb.domain.ConfigurationItem;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A configuration item as the API shows it; type by its lower-case code. */
public record CiView(long id, String name, String type, String hostname, List<String> ipAddresses, String ownerGroup,
        String description, Map<String, String> attributes, Instant createdAt, Instant updatedAt, long version) {
    static CiView of(ConfigurationItem c) {
        return new CiView(c.getId(), c.getName(), c.getType().code(), c.getHostname(), c.getIpAddresses(),
                c.getOwnerGroup(), c.getDescription(), c.getAttributes(), c.getCreatedAt(), c.getUpdatedAt(),
                c.getVersion());
    }
}
