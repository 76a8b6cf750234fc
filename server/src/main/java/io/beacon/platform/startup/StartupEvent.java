package io.beacon.platform.startup;

/** Fired once the schema is migrated and the first admin exists; other areas start their work on it. */
public record StartupEvent() {}
