package io.beacon.identity.domain;

import java.util.List;
import java.util.Optional;

/** The assignment groups Beacon knows. */
public interface Groups {
    Optional<UserGroup> byId(long id);

    Optional<UserGroup> byName(String name);

    List<UserGroup> all();

    List<UserGroup> ofMember(User user);

    UserGroup add(UserGroup group);
}
