package io.beacon.cmdb.domain;

import java.util.List;
import java.util.Map;

/** The checked, normalised values of a configuration item (addresses sorted, host name lower case). */
public record CiFields(String name, CiType type, String hostname, List<String> ipAddresses, String ownerGroup,
        String description, Map<String, String> attributes) {

    /** This item back in its input form, to overlay a partial change on and validate again. */
    public CiInput toInput() {
        return new CiInput(name, type.code(), hostname, ipAddresses, ownerGroup, description, attributes);
    }
}
