package io.beacon.platform.domain;

import java.io.Serializable;
import java.util.Set;

/** Who is doing something right now: a signed-in user, or Beacon itself ("system"). */
public record Actor(String username, Set<Role> roles) implements Serializable {
    public static final Actor SYSTEM = new Actor("system", Set.of(Role.ADMIN));

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Agents and admins work every ticket; requesters only see their own. */
    public boolean isStaff() {
        return has(Role.AGENT) || has(Role.ADMIN);
    }
}
