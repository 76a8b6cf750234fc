package io.beacon.cmdb.domain;

import io.beacon.platform.domain.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The class of a configuration item; the API speaks the lower-case codes. */
public enum CiType {
    SERVER, VIRTUAL_MACHINE, SWITCH, ROUTER, FIREWALL, LOAD_BALANCER, DATABASE, APPLICATION, SERVICE, STORAGE,
    UPS, OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this is network gear (switches, routers, firewalls, load balancers). */
    public boolean isNetworkDevice() {
        return this == SWITCH || this == ROUTER || this == FIREWALL || this == LOAD_BALANCER;
    }

    public static Optional<CiType> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.code().equals(c)).findFirst();
    }

    public static CiType fromCode(String field, String code) {
        return parse(code).orElseThrow(() -> new InvalidInputException(field, unknownMessage(code)));
    }

    static String unknownMessage(String code) {
        return "unknown type '" + code + "'; one of "
                + Arrays.stream(values()).map(CiType::code).collect(Collectors.joining(", "));
    }
}
