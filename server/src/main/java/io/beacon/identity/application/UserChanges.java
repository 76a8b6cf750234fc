package io.beacon.identity.application;

import java.util.List;

/** A partial update of a user: null means "leave as it is". */
public record UserChanges(String displayName, String email, String locale, String timeZone, Boolean active,
        List<String> roles, String password) {}
