package io.beacon.event.incident.application;

import io.beacon.event.domain.EventSource;
import io.beacon.identity.domain.Groups;
import io.beacon.identity.domain.User;
import io.beacon.identity.domain.UserGroup;
import io.beacon.identity.domain.Users;
import io.beacon.platform.domain.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Who an alarm's incident belongs to: the group (an owner group that names an existing group), and
 * the requester, a system contact named after the monitoring source (user {@code monitoring-snmp},
 * shown as "SNMP"; no password, no e-mail: nobody signs in as it and nothing is mailed to it),
 * created on first use. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class IncidentRouting {
    private static final Logger LOG = Logger.getLogger(IncidentRouting.class.getName());
    static final String CONTACT_PREFIX = "monitoring-";

    @Inject
    Groups groups;

    @Inject
    Users users;

    @Inject
    Clock clock;

    /** The group's name when a group of that name (or id) exists; an owner group the desk does not have is logged. */
    Optional<String> existingGroup(String name) {
        Optional<String> found = groups.byName(name.strip()).map(UserGroup::getName);
        if (found.isEmpty()) {
            LOG.warning(() -> "No group '" + name + "' for an alarm's incident (a CI's owner group or"
                    + " BEACON_EVENTS_INCIDENT_DEFAULT_GROUP); the incident goes on without it");
        }
        return found;
    }

    /** The user name of the source's system contact, created when it does not exist yet. */
    String requesterFor(EventSource source) {
        String username = CONTACT_PREFIX + source.code();
        if (users.byUsername(username).isEmpty()) {
            users.add(new User(username, displayName(source), null, Set.of(Role.REQUESTER), "en", "Asia/Seoul",
                    clock.instant()));
        }
        return username;
    }

    static String displayName(EventSource source) {
        return switch (source) {
            case SNMP -> "SNMP";
            case ALERTMANAGER -> "Alertmanager";
            case API -> "Monitoring API";
        };
    }
}
