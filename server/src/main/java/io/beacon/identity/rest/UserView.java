package io.beacon.identity.rest;

import io.beacon.identity.domain.User;
import io.beacon.platform.domain.Role;
import java.time.Instant;
import java.util.List;

/** A user as the API shows it; never the password hash. */
public record UserView(long id, String username, String displayName, String email, List<String> roles,
        String locale, String timeZone, boolean active, Instant createdAt, long version) {
    static UserView of(User u) {
        return new UserView(u.getId(), u.getUsername(), u.getDisplayName(), u.getEmail(),
                u.getRoles().stream().map(Role::code).sorted().toList(), u.getLocale(), u.getTimeZone(),
                u.isActive(), u.getCreatedAt(), u.getVersion());
    }
}
