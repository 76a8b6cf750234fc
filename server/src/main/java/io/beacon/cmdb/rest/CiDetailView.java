package io.beacon.cmdb.rest;

import io.beacon.cmdb.application.CiLink;
import io.beacon.cmdb.domain.ConfigurationItem;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One configuration item with its relations both ways. */
public record CiDetailView(long id, String name, String type, String hostname, List<String> ipAddresses,
        String ownerGroup, String description, Map<String, String> attributes, Instant createdAt, Instant updatedAt,
        long version, List<LinkView> relations) {

    /**
     * One relation seen from this CI: {@code outgoing} reads "this type ci", {@code incoming} reads
     * "ci type this"; {@code id} is the relation's id (for DELETE).
     */
    public record LinkView(long id, String type, String direction, long ciId, String ciName, String ciType) {
        static LinkView of(CiLink l) {
            return new LinkView(l.relationId(), l.type().code(), l.direction().code(), l.other().id(),
                    l.other().name(), l.other().type().code());
        }
    }

    static CiDetailView of(ConfigurationItem c, List<CiLink> links) {
        return new CiDetailView(c.getId(), c.getName(), c.getType().code(), c.getHostname(), c.getIpAddresses(),
                c.getOwnerGroup(), c.getDescription(), c.getAttributes(), c.getCreatedAt(), c.getUpdatedAt(),
                c.getVersion(), links.stream().map(LinkView::of).toList());
    }
}
