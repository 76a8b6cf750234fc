package io.beacon.integrations.snmp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which v1/v2c communities are accepted. There is no default: with {@code BEACON_SNMP_COMMUNITY}
 * unset every v1/v2c message is refused, since a well-known community like "public" lets anyone
 * who reaches the port raise and clear alarms.
 */
final class CommunityCheck {
    static final String NOT_CONFIGURED = "community_not_configured";
    static final String WRONG = "bad_community";

    private final Set<String> accepted;

    CommunityCheck(List<String> communities) {
        this.accepted = communities.stream().collect(Collectors.toUnmodifiableSet());
    }

    /** Why a message with this community is refused, or null when it is accepted. */
    String refusal(byte[] community) {
        if (accepted.isEmpty()) {
            return NOT_CONFIGURED;
        }
        return community != null && accepted.contains(new String(community, StandardCharsets.UTF_8)) ? null : WRONG;
    }

    int size() {
        return accepted.size();
    }
}
