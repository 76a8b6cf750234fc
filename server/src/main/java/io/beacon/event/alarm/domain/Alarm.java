package io.beacon.event.alarm.domain;
import io.beacon.event.domain.EventKind;
import io.beacon.event.domain.EventSource;
import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.domain.Severity;
import io.beacon.event.domain.Texts;
import io.beacon.platform.domain.SystemText;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Every event with the same reduction key, folded into one record: how often (count), since when
 * (first seen), how recently (last seen), how bad now, and whether it is still active. A clear
 * event clears it; a later problem re-activates it (as OpenNMS' "unclear" does).
 */
@Entity
@Table(name = "alarm")
public class Alarm {
    /** What one event did to its alarm. */
    public enum Outcome { RAISED, REPEATED, RERAISED, CLEARED, DUPLICATE, ALREADY_CLEAR }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "alarm_seq")
    @SequenceGenerator(name = "alarm_seq", sequenceName = "alarm_seq", allocationSize = 500)
    private Long id;

    @Column(name = "reduction_key", nullable = false, length = NormalisedEvent.KEY_MAX)
    private String reductionKey;

    @Column(nullable = false, length = NormalisedEvent.NAME_MAX)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Severity severity;

    /** The severity of the last problem event, kept when the alarm clears (severity then reads "cleared"). */
    @Enumerated(EnumType.STRING)
    @Column(name = "problem_severity", nullable = false, length = 16)
    private Severity problemSeverity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AlarmStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private EventSource source;

    @Column(name = "ci_id")
    private Long ciId;

    @Column(name = "ci_name", length = 200)
    private String ciName;

    @Column(name = "source_address", length = 64)
    private String sourceAddress;

    @Column(length = NormalisedEvent.MESSAGE_MAX)
    private String message;

    @Column(name = "event_count", nullable = false)
    private long count;

    @Column(name = "first_seen", nullable = false)
    private Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;

    @Column(name = "cleared_at")
    private Instant clearedAt;

    /** The source's id of the current occurrence (Alertmanager startsAt): a redelivery of it counts once. */
    @Column(length = 100)
    private String occurrence;

    @Column(nullable = false)
    private boolean acknowledged;

    @Column(name = "acknowledged_by", length = 64)
    private String acknowledgedBy;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "incident_id")
    private Long incidentId;

    @Column(name = "incident_key", length = 24)
    private String incidentKey;

    /** Whether Beacon opened the incident itself (then it may also resolve it). */
    @Column(name = "incident_auto", nullable = false)
    private boolean incidentAuto;

    /**
     * Among core nodes: {@code raised} or {@code cleared} by a node that does not correlate, until the
     * node that does has decided about it; null when nothing waits (always on a single node).
     */
    @Column(name = "awaiting_correlation", length = 8)
    private String awaitingCorrelation;

    @Column(name = "root_cause_alarm_id")
    private Long rootCauseAlarmId;

    @Column(name = "suppression_kind", length = 16)
    private String suppressionKind;

    @Column(name = "suppression_ref", length = 100)
    private String suppressionRef;

    @Column(name = "suppression_reason", length = 500)
    private String suppressionReason;

    /** The reason's message key and arguments (JSON), for each reader's language; null on rows older than them. */
    @Column(name = "suppression_reason_key", length = 100)
    private String suppressionReasonKey;

    @Column(name = "suppression_reason_args")
    private String suppressionReasonArgs;

    @Column(name = "change_key", length = 24)
    private String changeKey;

    @Column(nullable = false)
    private boolean flapping;

    @Version
    private long version;

    protected Alarm() {}

    /** A new alarm from the first problem (or notification) event of its reduction key. */
    public Alarm(NormalisedEvent first) {
        if (first.kind() == EventKind.CLEAR) {
            throw new IllegalArgumentException("a clear event raises no alarm");
        }
        this.reductionKey = first.reductionKey();
        this.name = first.name();
        this.source = first.source();
        this.status = AlarmStatus.ACTIVE;
        this.severity = first.severity();
        this.problemSeverity = first.severity();
        this.count = 1;
        this.firstSeen = first.receivedAt();
        this.lastSeen = first.receivedAt();
        this.occurrence = first.occurrence();
        where(first);
        this.message = first.message();
    }

    /** Folds one more event of this reduction key into the alarm. */
    public Outcome apply(NormalisedEvent e) {
        boolean sameOccurrence = e.occurrence() != null && e.occurrence().equals(occurrence);
        if (e.kind() == EventKind.CLEAR) {
            if (status == AlarmStatus.CLEARED) {
                return Outcome.ALREADY_CLEAR;
            }
            clear(e.receivedAt());
            touch(e.receivedAt());
            return Outcome.CLEARED;
        }
        if (sameOccurrence) {
            return Outcome.DUPLICATE; // a redelivery of what we have (active or since cleared)
        }
        Outcome outcome = status == AlarmStatus.CLEARED ? Outcome.RERAISED : Outcome.REPEATED;
        count++;
        touch(e.receivedAt());
        severity = e.severity();
        problemSeverity = e.severity();
        occurrence = e.occurrence();
        message = e.message();
        where(e);
        if (outcome == Outcome.RERAISED) {
            status = AlarmStatus.ACTIVE;
            clearedAt = null;
            acknowledged = false;
            acknowledgedBy = null;
            acknowledgedAt = null;
        }
        return outcome;
    }

    private void clear(Instant at) {
        status = AlarmStatus.CLEARED;
        severity = Severity.CLEARED;
        clearedAt = at;
    }

    private void touch(Instant at) {
        if (at.isAfter(lastSeen)) {
            lastSeen = at;
        }
    }

    private void where(NormalisedEvent e) {
        if (e.ciId() != null || ciId == null) {
            ciId = e.ciId();
            ciName = e.ciName();
        }
        if (e.sourceAddress() != null) {
            sourceAddress = Texts.cut(e.sourceAddress(), 64);
        }
    }

    /** An active problem alarm at or above the threshold that has no incident yet wants one. */
    public boolean wantsIncident(Severity threshold) {
        return status == AlarmStatus.ACTIVE && incidentId == null && severity != Severity.CLEARED
                && severity.atLeast(threshold);
    }

    public void linkIncident(long ticketId, String ticketKey, boolean openedByBeacon) {
        this.incidentId = ticketId;
        this.incidentKey = ticketKey;
        this.incidentAuto = openedByBeacon;
    }

    /** Raised or cleared by a node that does not correlate: the correlating node decides about it later. */
    public void awaitCorrelation(boolean raised) {
        awaitingCorrelation = raised ? "raised" : "cleared";
    }

    /** Decided about, unless it was raised or cleared again since {@code seen} was read. */
    public void correlationDone(String seen) {
        if (java.util.Objects.equals(awaitingCorrelation, seen)) {
            awaitingCorrelation = null;
        }
    }

    public String getAwaitingCorrelation() { return awaitingCorrelation; }

    /** Forgets an incident that is over, so that a re-raised alarm gets a fresh one. */
    public void unlinkIncident() {
        this.incidentId = null;
        this.incidentKey = null;
        this.incidentAuto = false;
    }

    public void acknowledge(String username, Instant now) {
        acknowledged = true;
        acknowledgedBy = username;
        acknowledgedAt = now;
    }

    public void unacknowledge() {
        acknowledged = false;
        acknowledgedBy = null;
        acknowledgedAt = null;
    }

    /** A decision of correlation (root cause, change, maintenance, flapping) that holds back the incident. */
    public void suppress(String kind, String ref, SystemText reason) {
        this.suppressionKind = kind;
        this.suppressionRef = ref;
        this.suppressionReason = reason == null ? null : Texts.cut(reason.text(), 500);
        this.suppressionReasonKey = reason == null ? null : reason.key();
        this.suppressionReasonArgs = reason == null ? null : reason.argsJson();
        if ("change".equals(kind)) {
            this.changeKey = ref;
        }
    }

    /** Correlation found the alarm's root cause: it joins that alarm's incident and pages nobody itself. */
    public void markSymptomOf(Alarm root, SystemText reason) {
        rootCauseAlarmId = root.getId();
        suppress("root_cause", String.valueOf(root.getId()), reason);
        if (root.getIncidentId() != null) {
            linkIncident(root.getIncidentId(), root.getIncidentKey(), false);
        }
    }

    /** The alarm pages on its own again (its root cause cleared, its window ended). */
    public void standAlone() {
        rootCauseAlarmId = null;
        suppressionKind = null;
        suppressionRef = null;
        suppressionReason = null;
        suppressionReasonKey = null;
        suppressionReasonArgs = null;
    }

    /** The alarm outlived (or followed) this change: it stays linked to it. */
    public void attributeToChange(String key) {
        this.changeKey = key;
    }

    /**
     * The reduction key this alarm would have had, had CI {@code ciId} claimed its device when its
     * events arrived: the device's address in a trap's key ({@code linkDown:10.0.0.9:3}) or a
     * generic event's own key ({@code api:DiskFull:db-99}) becomes {@code ci<id>}. Empty when the key
     * does not name the device (an Alertmanager fingerprint, a key the sender chose).
     */
    public Optional<String> keyOnCi(long ciId) {
        if (sourceAddress == null || sourceAddress.isBlank()) {
            return Optional.empty();
        }
        String device = sourceAddress.trim();
        String ci = "ci" + ciId;
        if (source == EventSource.API) {
            return reductionKey.equals("api:" + name + ":" + device)
                    ? Optional.of("api:" + name + ":" + ci) : Optional.empty();
        }
        if (source != EventSource.SNMP) {
            return Optional.empty();
        }
        String segment = ":" + device;
        for (int at = reductionKey.indexOf(segment); at >= 0; at = reductionKey.indexOf(segment, at + 1)) {
            int end = at + segment.length();
            if (end == reductionKey.length() || reductionKey.charAt(end) == ':') {
                return Optional.of(Texts.cut(reductionKey.substring(0, at) + ":" + ci + reductionKey.substring(end),
                        NormalisedEvent.KEY_MAX));
            }
        }
        return Optional.empty();
    }

    /**
     * A CI claimed the device this alarm came from: the alarm is that CI's now, under {@code newKey}
     * (null: its key stays) so that the device's next event folds into it.
     */
    public void moveOnto(long ciId, String ciName, String newKey) {
        this.ciId = ciId;
        this.ciName = ciName;
        if (newKey != null) {
            this.reductionKey = newKey;
        }
    }

    public void markFlapping(boolean flapping) {
        this.flapping = flapping;
    }

    public Long getId() { return id; }
    public String getReductionKey() { return reductionKey; }
    public String getName() { return name; }
    public Severity getSeverity() { return severity; }
    public Severity getProblemSeverity() { return problemSeverity; }
    public AlarmStatus getStatus() { return status; }
    public EventSource getSource() { return source; }
    public Long getCiId() { return ciId; }
    public String getCiName() { return ciName; }
    public String getSourceAddress() { return sourceAddress; }
    public String getMessage() { return message; }
    public long getCount() { return count; }
    public Instant getFirstSeen() { return firstSeen; }
    public Instant getLastSeen() { return lastSeen; }
    public Instant getClearedAt() { return clearedAt; }
    public boolean isAcknowledged() { return acknowledged; }
    public String getAcknowledgedBy() { return acknowledgedBy; }
    public Instant getAcknowledgedAt() { return acknowledgedAt; }
    public Long getIncidentId() { return incidentId; }
    public String getIncidentKey() { return incidentKey; }
    public boolean isIncidentAuto() { return incidentAuto; }
    public Long getRootCauseAlarmId() { return rootCauseAlarmId; }
    public String getSuppressionKind() { return suppressionKind; }
    public String getSuppressionRef() { return suppressionRef; }
    public String getSuppressionReason() { return suppressionReason; }

    public String getSuppressionReasonKey() { return suppressionReasonKey; }

    public java.util.Map<String, String> getSuppressionReasonArgs() {
        return suppressionReasonKey == null ? null : SystemText.parseArgs(suppressionReasonArgs);
    }
    public String getChangeKey() { return changeKey; }
    public boolean isFlapping() { return flapping; }
    public long getVersion() { return version; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Alarm a && id != null && Objects.equals(id, a.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(reductionKey);
    }
}
