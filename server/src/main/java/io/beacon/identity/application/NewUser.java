package io.beacon.identity.application;

import java.util.List;

/** What it takes to create a user; roles and locale by their API codes. */
public record NewUser(String username, String password, String displayName, String email,
        List<String> roles, String locale, String timeZone) {}
