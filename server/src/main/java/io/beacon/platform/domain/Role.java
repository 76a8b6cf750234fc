package io.beacon.platform.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a user may do. The names are the role names in the API and in {@code @RolesAllowed}. */
public enum Role {
    /** Opens and follows their own tickets. */
    REQUESTER,
    /** Works tickets of the desk. */
    AGENT,
    /** Decides changes. */
    APPROVER,
    /** Configures Beacon, its users and its CMDB. */
    ADMIN,
    /** A monitor or script that posts events. */
    INTEGRATION,
    /** Reads /metrics and nothing else: the Prometheus scraper's service user (and its tokens). */
    METRICS;

    public static final String REQUESTER_NAME = "requester";
    public static final String AGENT_NAME = "agent";
    public static final String APPROVER_NAME = "approver";
    public static final String ADMIN_NAME = "admin";
    public static final String INTEGRATION_NAME = "integration";
    public static final String METRICS_NAME = "metrics";

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromCode(String field, String code) {
        if (code != null) {
            for (Role r : values()) {
                if (r.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
                    return r;
                }
            }
        }
        throw new InvalidInputException(field, "unknown role '" + code + "'; one of "
                + Arrays.stream(values()).map(Role::code).collect(Collectors.joining(", ")));
    }
}
