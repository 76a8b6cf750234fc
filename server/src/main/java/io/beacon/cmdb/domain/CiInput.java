package io.beacon.cmdb.domain;

import io.beacon.platform.domain.BidiControls;
import io.beacon.platform.domain.Validator;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A configuration item as a client spells it (type by its code, addresses as typed). {@link #validate()}
 * names every offending field at once and returns the normalised {@link CiFields}.
 */
public record CiInput(String name, String type, String hostname, Collection<String> ipAddresses, String ownerGroup,
        String description, Map<String, String> attributes) {
    public static final int NAME_MAX = 200;
    public static final int HOSTNAME_MAX = 255;
    public static final int OWNER_GROUP_MAX = 100;
    public static final int DESCRIPTION_MAX = 2000;
    public static final int ATTRIBUTE_KEY_MAX = 100;
    public static final int ATTRIBUTE_VALUE_MAX = 2000;
    public static final int IP_ADDRESSES_MAX = 256;

    public CiInput {
        name = BidiControls.strip(name); // a name shown in lists and graphs must read as it is
    }

    public CiFields validate() {
        Validator v = new Validator();
        String n = trimToNull(name);
        v.text(n, "name", true, NAME_MAX);
        if (n != null) {
            v.require(n.chars().noneMatch(Character::isISOControl), "name", "must not contain control characters");
        }
        CiType t = null;
        if (type == null || type.isBlank()) {
            v.add("type", "must not be blank");
        } else {
            t = CiType.parse(type).orElse(null);
            v.require(t != null, "type", CiType.unknownMessage(type));
        }
        String host = null;
        if (hostname != null && !hostname.isBlank()) {
            host = NetworkAddresses.normaliseHostname(hostname).orElse(null);
            v.require(host != null && host.length() <= HOSTNAME_MAX, "hostname",
                    "'" + hostname + "' is not a host name (letters, digits and hyphens in dot-separated labels)");
        }
        TreeSet<String> ips = new TreeSet<>();
        if (ipAddresses != null) {
            for (String raw : ipAddresses) {
                if (raw == null || raw.isBlank()) {
                    continue;
                }
                String ip = NetworkAddresses.normaliseIp(raw).orElse(null);
                if (ip == null) {
                    v.add("ipAddresses", "'" + raw.trim() + "' is not an IPv4 or IPv6 address");
                } else {
                    ips.add(ip);
                }
            }
            v.require(ips.size() <= IP_ADDRESSES_MAX, "ipAddresses", "at most " + IP_ADDRESSES_MAX + " addresses");
        }
        String owner = trimToNull(ownerGroup);
        v.text(owner, "ownerGroup", false, OWNER_GROUP_MAX);
        String desc = description == null || description.isBlank() ? null : description.strip();
        v.text(desc, "description", false, DESCRIPTION_MAX);
        TreeMap<String, String> attrs = new TreeMap<>();
        if (attributes != null) {
            for (Map.Entry<String, String> e : attributes.entrySet()) {
                String key = trimToNull(e.getKey());
                if (key == null || key.length() > ATTRIBUTE_KEY_MAX) {
                    v.add("attributes", "attribute names must be 1 to " + ATTRIBUTE_KEY_MAX + " characters");
                } else if (e.getValue() == null) {
                    v.add("attributes", "attribute '" + key + "' has no value");
                } else if (e.getValue().length() > ATTRIBUTE_VALUE_MAX) {
                    v.add("attributes", "attribute '" + key + "' is longer than " + ATTRIBUTE_VALUE_MAX + " characters");
                } else {
                    attrs.put(key, e.getValue());
                }
            }
        }
        v.throwIfInvalid();
        return new CiFields(n, t, host, List.copyOf(ips), owner, desc, Map.copyOf(attrs));
    }

    static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
