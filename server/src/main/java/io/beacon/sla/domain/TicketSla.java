package io.beacon.sla.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SLA clocks of one ticket. Due times are working time after the start on the ticket's calendar;
 * a pause (pending) shifts every open due time by the working time it lasted. Near-breach comes at a
 * configured share of the target.
 */
@Entity
@Table(name = "ticket_sla")
public class TicketSla {
    @Id
    @Column(name = "ticket_id")
    private Long ticketId;

    @Column(name = "ticket_key", nullable = false, length = 24)
    private String ticketKey;

    @Column(nullable = false, length = 2)
    private String priority;

    @Column(name = "all_hours", nullable = false)
    private boolean allHours;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "response_due", nullable = false)
    private Instant responseDue;

    @Column(name = "resolution_due", nullable = false)
    private Instant resolutionDue;

    @Column(name = "response_warn_at", nullable = false)
    private Instant responseWarnAt;

    @Column(name = "resolution_warn_at", nullable = false)
    private Instant resolutionWarnAt;

    @Column(name = "responded_at")
    private Instant respondedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "paused_since")
    private Instant pausedSince;

    @Column(name = "paused_seconds", nullable = false)
    private long pausedSeconds;

    @Column(name = "response_at_risk", nullable = false)
    private boolean responseAtRisk;

    @Column(name = "resolution_at_risk", nullable = false)
    private boolean resolutionAtRisk;

    @Column(name = "response_breached", nullable = false)
    private boolean responseBreached;

    @Column(name = "resolution_breached", nullable = false)
    private boolean resolutionBreached;

    /** The due time of the clock that runs next (response, else resolution); null once resolved. Sorts the queues. */
    @Column(name = "next_due")
    private Instant nextDue;

    @Version
    private long version;

    protected TicketSla() {}

    public static TicketSla start(long ticketId, String ticketKey, String priority, SlaTarget target, int warnPercent,
            BusinessCalendar calendar, Instant now) {
        TicketSla sla = new TicketSla();
        sla.ticketId = ticketId;
        sla.ticketKey = ticketKey;
        sla.priority = priority;
        sla.allHours = target.allHours();
        sla.startedAt = db(now);
        sla.responseDue = db(calendar.plus(now, target.response()));
        sla.resolutionDue = db(calendar.plus(now, target.resolution()));
        sla.responseWarnAt = db(calendar.plus(now, share(target.response(), warnPercent)));
        sla.resolutionWarnAt = db(calendar.plus(now, share(target.resolution(), warnPercent)));
        sla.refreshNextDue();
        return sla;
    }

    /** The database keeps microseconds: so does the clock, so that an answer never changes on re-reading. */
    private static Instant db(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static Duration share(Duration d, int percent) {
        return Duration.ofMillis(d.toMillis() * Math.max(1, Math.min(100, percent)) / 100);
    }

    /** First response (assignment, work started, a public answer): stops the response clock. */
    public boolean respond(Instant now) {
        if (respondedAt != null) {
            return false;
        }
        respondedAt = db(now);
        refreshNextDue();
        return true;
    }

    public void pause(Instant now) {
        if (pausedSince == null && resolvedAt == null) {
            pausedSince = db(now);
        }
    }

    /** Ends a pause: the open due times move on by the working time the pause lasted. */
    public Duration resume(Instant now, BusinessCalendar calendar) {
        if (pausedSince == null) {
            return Duration.ZERO;
        }
        Duration paused = calendar.between(pausedSince, now);
        pausedSince = null;
        pausedSeconds += paused.toSeconds();
        if (respondedAt == null && !responseBreached) {
            responseDue = db(calendar.plus(responseDue, paused));
            responseWarnAt = db(calendar.plus(responseWarnAt, paused));
        }
        if (!resolutionBreached) {
            resolutionDue = db(calendar.plus(resolutionDue, paused));
            resolutionWarnAt = db(calendar.plus(resolutionWarnAt, paused));
        }
        refreshNextDue();
        return paused;
    }

    public void resolve(Instant now, BusinessCalendar calendar) {
        resume(now, calendar);
        respond(now);
        resolvedAt = db(now);
        refreshNextDue();
    }

    public void reopen() {
        resolvedAt = null;
        refreshNextDue();
    }

    /**
     * The ticket's priority changed: the clocks still running are measured against the new priority's
     * targets, from the start and less the time spent pending, on the new target's calendar; a clock
     * already stopped (responded, resolved) keeps its verdict. The running clocks' flags are cleared,
     * so that the next check flags them anew against the new due times (at once where those have
     * passed). Answers false when the priority is the one the clocks already follow.
     */
    public boolean retarget(String newPriority, SlaTarget target, int warnPercent, BusinessCalendar calendar) {
        if (newPriority.equals(priority)) {
            return false;
        }
        priority = newPriority;
        allHours = target.allHours();
        Duration pending = Duration.ofSeconds(pausedSeconds);
        if (respondedAt == null) {
            responseDue = db(calendar.plus(startedAt, target.response().plus(pending)));
            responseWarnAt = db(calendar.plus(startedAt, share(target.response(), warnPercent).plus(pending)));
            responseAtRisk = false;
            responseBreached = false;
        }
        if (resolvedAt == null) {
            resolutionDue = db(calendar.plus(startedAt, target.resolution().plus(pending)));
            resolutionWarnAt = db(calendar.plus(startedAt, share(target.resolution(), warnPercent).plus(pending)));
            resolutionAtRisk = false;
            resolutionBreached = false;
        }
        refreshNextDue();
        return true;
    }

    /** Flags what is due at {@code now} and answers the thresholds crossed just now (each only once). */
    public List<SlaEvent> check(Instant now) {
        List<SlaEvent> crossed = new ArrayList<>();
        if (pausedSince != null || resolvedAt != null) {
            return crossed;
        }
        if (respondedAt == null) {
            if (!responseAtRisk && !now.isBefore(responseWarnAt)) {
                responseAtRisk = true;
                crossed.add(SlaEvent.RESPONSE_AT_RISK);
            }
            if (!responseBreached && !now.isBefore(responseDue)) {
                responseBreached = true;
                crossed.add(SlaEvent.RESPONSE_BREACHED);
            }
        }
        if (!resolutionAtRisk && !now.isBefore(resolutionWarnAt)) {
            resolutionAtRisk = true;
            crossed.add(SlaEvent.RESOLUTION_AT_RISK);
        }
        if (!resolutionBreached && !now.isBefore(resolutionDue)) {
            resolutionBreached = true;
            crossed.add(SlaEvent.RESOLUTION_BREACHED);
        }
        return crossed;
    }

    /** The next time {@link #check} has something to flag, or null when the clocks are stopped or all fired. */
    public Instant nextCheck() {
        if (pausedSince != null || resolvedAt != null) {
            return null;
        }
        Stream<Instant> response = respondedAt != null ? Stream.empty() : Stream.of(
                responseAtRisk ? null : responseWarnAt, responseBreached ? null : responseDue);
        Stream<Instant> resolution = Stream.of(resolutionAtRisk ? null : resolutionWarnAt,
                resolutionBreached ? null : resolutionDue);
        return Stream.concat(response, resolution).filter(t -> t != null).min(Instant::compareTo).orElse(null);
    }

    private void refreshNextDue() {
        nextDue = resolvedAt != null ? null : respondedAt == null ? responseDue : resolutionDue;
    }

    /** Which target the next due time is: {@code response} until the first response, then {@code resolution}; null once resolved. */
    public String counting() {
        return resolvedAt != null ? null : respondedAt == null ? "response" : "resolution";
    }

    /** See {@link #counting()}. */
    public Instant nextDue() {
        return resolvedAt != null ? null : respondedAt == null ? responseDue : resolutionDue;
    }

    /** Working time left to the next due time (negative once overdue), as of {@code now} or the pause; 0 once resolved. */
    public long secondsToNextDue(Instant now, BusinessCalendar calendar) {
        Instant due = nextDue();
        if (due == null) {
            return 0;
        }
        Instant at = pausedSince != null ? pausedSince : now;
        return at.isBefore(due) ? calendar.between(at, due).toSeconds() : -calendar.between(due, at).toSeconds();
    }

    public boolean isResolved() { return resolvedAt != null; }
    public boolean isPaused() { return pausedSince != null; }
    public boolean isBreached() { return responseBreached || resolutionBreached; }
    /** Near a breach and not breached (yet), with the clock still running for it. */
    public boolean isAtRisk() {
        return !isBreached() && resolvedAt == null
                && ((responseAtRisk && respondedAt == null) || resolutionAtRisk);
    }
    /** Null while the response is still open and in time. */
    public Boolean responseMet() {
        if (respondedAt != null) {
            return !respondedAt.isAfter(responseDue) && !responseBreached;
        }
        return responseBreached ? Boolean.FALSE : null;
    }
    public Boolean resolutionMet() {
        if (resolvedAt != null) {
            return !resolvedAt.isAfter(resolutionDue) && !resolutionBreached;
        }
        return resolutionBreached ? Boolean.FALSE : null;
    }
    /** Working time left to the resolution due time (negative once overdue), as of {@code now} or the pause. */
    public long remainingSeconds(Instant now, BusinessCalendar calendar) {
        Instant at = pausedSince != null ? pausedSince : resolvedAt != null ? resolvedAt : now;
        return at.isBefore(resolutionDue) ? calendar.between(at, resolutionDue).toSeconds()
                : -calendar.between(resolutionDue, at).toSeconds();
    }

    public Long getTicketId() { return ticketId; }
    public String getTicketKey() { return ticketKey; }
    public String getPriority() { return priority; }
    public boolean isAllHours() { return allHours; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getResponseDue() { return responseDue; }
    public Instant getResolutionDue() { return resolutionDue; }
    public Instant getRespondedAt() { return respondedAt; }
    public Instant getResolvedAt() { return resolvedAt; }
    public Instant getPausedSince() { return pausedSince; }
    public long getPausedSeconds() { return pausedSeconds; }
    public boolean isResponseBreached() { return responseBreached; }
    public boolean isResolutionBreached() { return resolutionBreached; }
}
