package io.beacon.identity.rest;

import io.beacon.identity.domain.UserGroup;
import java.util.List;

/** An assignment group with its lead and members (by user name). */
public record GroupView(long id, String name, String description, String email, String lead, List<String> members) {
    static GroupView of(UserGroup g) {
        return new GroupView(g.getId(), g.getName(), g.getDescription(), g.getEmail(),
                g.getLead() == null ? null : g.getLead().getUsername(),
                g.getMembers().stream().map(u -> u.getUsername()).sorted().toList());
    }
}
