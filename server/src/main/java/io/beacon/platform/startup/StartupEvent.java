package io.beacon.platform.startup;

/**
 * Fired once the schema is migrated; whatever starts with Beacon observes it, ordered by
 * {@code @Priority}: the process engine, the first admin, the demo data, the monitoring endpoints' access check, then
 * the areas' own work (100 and up). Observers run before readiness turns UP.
 */
public record StartupEvent() {
    /** The process engine, first: its decision tables decide for the first ticket (the demo data's included). */
    public static final int PROCESS_ENGINE = 5;
    /** The first admin account: the demo data and the areas may rely on it. */
    public static final int FIRST_ADMIN = 10;
    /** The demo data set, when asked for: before the areas start working on the data. */
    public static final int DEMO_DATA = 20;
    /** Who may read /metrics and /openapi: before readiness, so that no scrape finds them open by mistake. */
    public static final int MONITORING_ACCESS = 30;
}
