package io.beacon.correlation.domain;

import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.Validator;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * A period in which alarms on some CIs are expected and page nobody: once ({@code start} to
 * {@code end}), or repeating by an RFC 5545 rule ({@code FREQ=WEEKLY;BYDAY=SA}) whose occurrences
 * each last as long as the first, counted in the window's time zone.
 */
@Entity
@Table(name = "maintenance_window")
public class MaintenanceWindow {
    public static final int REASON_MAX = 500;
    public static final int RECURRENCE_MAX = 500;
    public static final Duration LONGEST = Duration.ofDays(31);
    private static final int MAX_OCCURRENCES_SCANNED = 10_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "maintenance_window_seq")
    @SequenceGenerator(name = "maintenance_window_seq", sequenceName = "maintenance_window_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = REASON_MAX)
    private String reason;

    @Column(name = "start_at", nullable = false)
    private Instant start;

    @Column(name = "end_at", nullable = false)
    private Instant end;

    @Column(length = RECURRENCE_MAX)
    private String recurrence;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "maintenance_window_ci", joinColumns = @JoinColumn(name = "window_id"))
    @Column(name = "ci_id", nullable = false)
    private Set<Long> ciIds = new HashSet<>();

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected MaintenanceWindow() {}

    /** A checked new window; every wrong field is named in one 422. */
    public static MaintenanceWindow plan(Set<Long> ciIds, Instant start, Instant end, String reason, String recurrence,
            String timeZone, String by, Instant now) {
        Validator v = new Validator();
        v.require(ciIds != null && !ciIds.isEmpty(), "ciIds", "name at least one CI");
        v.text(reason, "reason", true, REASON_MAX);
        v.require(start != null, "start", "an ISO-8601 instant is required");
        v.require(end != null, "end", "an ISO-8601 instant is required");
        if (start != null && end != null) {
            v.require(end.isAfter(start), "end", "must be after start");
            v.require(Duration.between(start, end).compareTo(LONGEST) <= 0, "end",
                    "a window lasts at most " + LONGEST.toDays() + " days; use a recurrence for repeated work");
            v.require(recurrence != null || end.isAfter(now), "end", "the window is over already");
        }
        ZoneId zone = zone(timeZone, v);
        String rule = recurrence == null || recurrence.isBlank() ? null : normalise(recurrence, v);
        v.throwIfInvalid();
        MaintenanceWindow w = new MaintenanceWindow();
        w.ciIds = new HashSet<>(ciIds);
        w.start = start;
        w.end = end;
        w.reason = reason.strip();
        w.recurrence = rule;
        w.timeZone = zone.getId();
        w.createdBy = by;
        w.createdAt = now;
        return w;
    }

    /** The occurrences that overlap {@code [from, to)}, in order. */
    public List<PlannedWork> occurrences(Instant from, Instant to) {
        Duration length = Duration.between(start, end);
        List<PlannedWork> out = new ArrayList<>();
        if (recurrence == null) {
            if (start.isBefore(to) && end.isAfter(from)) {
                out.add(occurrence(start, end));
            }
            return out;
        }
        RecurrenceRuleIterator it = parse(recurrence).iterator(start.toEpochMilli(), TimeZone.getTimeZone(timeZone));
        it.fastForward(from.minus(length).toEpochMilli());
        for (int i = 0; it.hasNext() && i < MAX_OCCURRENCES_SCANNED; i++) {
            Instant s = Instant.ofEpochMilli(it.nextMillis());
            if (!s.isBefore(to)) {
                break;
            }
            Instant e = s.plus(length);
            if (e.isAfter(from)) {
                out.add(occurrence(s, e));
            }
        }
        return out;
    }

    public boolean activeAt(Instant t) {
        return !occurrences(t, t.plusMillis(1)).isEmpty();
    }

    /** How correlation refers to the window: {@code MW-<id>}. */
    public String ref() {
        return "MW-" + id;
    }

    private PlannedWork occurrence(Instant s, Instant e) {
        return new PlannedWork(PlannedWork.Kind.MAINTENANCE, ref(), ciIds, s, e, reason);
    }

    private static ZoneId zone(String timeZone, Validator v) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneId.of("Asia/Seoul");
        }
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            v.add("timeZone", "'" + timeZone + "' is not a time zone (for example Asia/Seoul or UTC)");
            return ZoneId.of("UTC");
        }
    }

    private static String normalise(String recurrence, Validator v) {
        String rule = recurrence.strip();
        if (rule.toUpperCase(Locale.ROOT).startsWith("RRULE:")) {
            rule = rule.substring("RRULE:".length());
        }
        if (rule.length() > RECURRENCE_MAX) {
            v.add("recurrence", "at most " + RECURRENCE_MAX + " characters");
            return null;
        }
        try {
            RecurrenceRule parsed = new RecurrenceRule(rule);
            if (parsed.getFreq() == Freq.SECONDLY || parsed.getFreq() == Freq.MINUTELY) {
                v.add("recurrence", "repeat at most hourly (FREQ=HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY)");
            }
            return parsed.toString();
        } catch (InvalidRecurrenceRuleException | IllegalArgumentException e) {
            v.add("recurrence", "not an RFC 5545 recurrence rule (for example FREQ=WEEKLY;BYDAY=SA): " + e.getMessage());
            return null;
        }
    }

    private static RecurrenceRule parse(String rule) {
        try {
            return new RecurrenceRule(rule);
        } catch (InvalidRecurrenceRuleException e) {
            throw new InvalidInputException("recurrence", "stored rule is unreadable: " + e.getMessage());
        }
    }

    public Long getId() {
        return id;
    }

    public String getReason() {
        return reason;
    }

    public Instant getStart() {
        return start;
    }

    public Instant getEnd() {
        return end;
    }

    public String getRecurrence() {
        return recurrence;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public Set<Long> getCiIds() {
        return Set.copyOf(ciIds);
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
