package io.beacon.report.domain;

import java.util.Locale;

/** How long one bucket of a report is, in the user's calendar: an hour, a day, or a week (Monday first). */
public enum BucketSize {
    HOUR(3600), DAY(86_400), WEEK(86_400);

    private final long cellSeconds;

    BucketSize(long cellSeconds) {
        this.cellSeconds = cellSeconds;
    }

    /**
     * The width of the cells the database counts in: an hour for hourly buckets, a day for daily and
     * weekly ones (a week is seven local days added up, so that a change of offset inside it is exact).
     */
    public long cellSeconds() {
        return cellSeconds;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
