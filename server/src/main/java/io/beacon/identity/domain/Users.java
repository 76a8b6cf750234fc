package io.beacon.identity.domain;

import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import io.beacon.platform.domain.Role;
import java.util.Optional;

/** The users Beacon knows. */
public interface Users {
    Optional<User> byId(long id);

    Optional<User> byUsername(String username);

    Optional<User> byEmail(String email);

    Page<User> list(String query, Role role, PageRequest page);

    boolean any(Role role);

    User add(User user);
}
