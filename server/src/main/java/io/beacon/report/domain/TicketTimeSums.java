package io.beacon.report.domain;

/**
 * Tickets opened in one bucket (or one cell): how many, and the sums from which the mean time to
 * acknowledge and to resolve follow. Sums, not means, so that cells add up into buckets exactly.
 *
 * @param count tickets opened
 * @param acknowledged of these, the ones that left {@code new} (assigned, started, resolved...)
 * @param acknowledgeSeconds the seconds from opening to leaving {@code new}, added up
 * @param resolved of these, the ones resolved (and not reopened since)
 * @param resolveSeconds the seconds from opening to resolution, added up
 */
public record TicketTimeSums(long count, long acknowledged, long acknowledgeSeconds, long resolved, long resolveSeconds) {
    public static final TicketTimeSums NONE = new TicketTimeSums(0, 0, 0, 0, 0);

    public TicketTimeSums plus(TicketTimeSums o) {
        return new TicketTimeSums(count + o.count, acknowledged + o.acknowledged, acknowledgeSeconds + o.acknowledgeSeconds,
                resolved + o.resolved, resolveSeconds + o.resolveSeconds);
    }

    /** The mean time to acknowledge in whole seconds, or null when none was acknowledged. */
    public Long meanAcknowledgeSeconds() {
        return mean(acknowledgeSeconds, acknowledged);
    }

    /** The mean time to resolve in whole seconds, or null when none was resolved. */
    public Long meanResolveSeconds() {
        return mean(resolveSeconds, resolved);
    }

    private static Long mean(long sum, long n) {
        return n == 0 ? null : Math.round((double) sum / n);
    }
}
