package io.beacon.report.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The buckets of a report in one time zone: local days, local weeks (Monday to Sunday, the first and
 * last cut to the range asked for) or local hours. A day is not always 24 hours (summer time), so the
 * database never counts in buckets directly: it counts in fixed-width cells inside {@link #segments()}
 * of constant offset, and {@link #bucketOf} puts each cell into the bucket it lies in.
 */
public final class TimeBuckets {
    private final ZoneId zone;
    private final BucketSize size;
    private final List<Bucket> buckets;

    private TimeBuckets(ZoneId zone, BucketSize size, List<Bucket> buckets) {
        if (buckets.isEmpty()) {
            throw new IllegalArgumentException("a report has at least one bucket");
        }
        this.zone = zone;
        this.size = size;
        this.buckets = Collections.unmodifiableList(buckets);
    }

    /** Every local day from {@code from} to {@code to}, both included. */
    public static TimeBuckets days(ZoneId zone, LocalDate from, LocalDate to) {
        checkOrder(from, to);
        List<Bucket> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            out.add(new Bucket(d.atStartOfDay(zone), d.plusDays(1).atStartOfDay(zone)));
        }
        return new TimeBuckets(zone, BucketSize.DAY, out);
    }

    /** Weeks from Monday to Sunday covering {@code from} to {@code to} (both included), cut to that range. */
    public static TimeBuckets weeks(ZoneId zone, LocalDate from, LocalDate to) {
        checkOrder(from, to);
        List<Bucket> out = new ArrayList<>();
        LocalDate end = to.plusDays(1);
        for (LocalDate d = from; d.isBefore(end); ) {
            LocalDate nextMonday = d.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            LocalDate stop = nextMonday.isBefore(end) ? nextMonday : end;
            out.add(new Bucket(d.atStartOfDay(zone), stop.atStartOfDay(zone)));
            d = stop;
        }
        return new TimeBuckets(zone, BucketSize.WEEK, out);
    }

    /** The last {@code count} local hours, the current (unfinished) one last. */
    public static TimeBuckets hours(ZoneId zone, Instant now, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one hour");
        }
        List<Bucket> out = new ArrayList<>();
        ZonedDateTime end = startOfHour(zone, now).plusHours(1);
        while (out.size() < count) {
            // Back one hour on the time line, then to the start of that local hour: exact also where
            // an offset changes by half an hour.
            ZonedDateTime start = startOfHour(zone, end.toInstant().minusSeconds(1));
            out.add(new Bucket(start, end));
            end = start;
        }
        Collections.reverse(out);
        return new TimeBuckets(zone, BucketSize.HOUR, out);
    }

    private static ZonedDateTime startOfHour(ZoneId zone, Instant at) {
        return at.atZone(zone).truncatedTo(ChronoUnit.HOURS);
    }

    private static void checkOrder(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends before it starts");
        }
    }

    public ZoneId zone() {
        return zone;
    }

    public BucketSize size() {
        return size;
    }

    public List<Bucket> buckets() {
        return buckets;
    }

    public Instant start() {
        return buckets.get(0).startInstant();
    }

    public Instant end() {
        return buckets.get(buckets.size() - 1).endInstant();
    }

    /**
     * The range cut where the zone's offset changes (none in Asia/Seoul: one segment), each with the
     * origin of its cells: the local midnight (days, weeks) or full hour at or before its start.
     */
    public List<Segment> segments() {
        ZoneRules rules = zone.getRules();
        List<Segment> out = new ArrayList<>();
        Instant at = start();
        Instant end = end();
        while (at.isBefore(end)) {
            ZoneOffset offset = rules.getOffset(at);
            ZoneOffsetTransition next = rules.nextTransition(at);
            Instant stop = next == null || !next.getInstant().isBefore(end) ? end : next.getInstant();
            LocalDateTime local = LocalDateTime.ofInstant(at, offset)
                    .truncatedTo(size == BucketSize.HOUR ? ChronoUnit.HOURS : ChronoUnit.DAYS);
            out.add(new Segment(at, stop, local.toInstant(offset), size.cellSeconds()));
            at = stop;
        }
        return out;
    }

    /** The index of the bucket holding cell {@code cell} of {@code segment}, or -1 if none does. */
    public int bucketOf(Segment segment, long cell) {
        Instant cellStart = segment.cellStart(cell);
        return bucketAt(cellStart.isBefore(segment.start()) ? segment.start() : cellStart);
    }

    /** The index of the bucket holding the instant, or -1 outside the range. */
    public int bucketAt(Instant at) {
        int lo = 0;
        int hi = buckets.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Bucket b = buckets.get(mid);
            if (at.isBefore(b.startInstant())) {
                hi = mid - 1;
            } else if (!at.isBefore(b.endInstant())) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }
}
