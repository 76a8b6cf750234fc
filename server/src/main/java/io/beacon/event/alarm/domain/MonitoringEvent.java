package io.beacon.event.alarm.domain;
import io.beacon.event.domain.EventKind;
import io.beacon.event.domain.EventSource;
import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.domain.Severity;
import io.beacon.event.domain.Texts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One accepted event as it was recorded (append-only), linked to the alarm it folded into. */
@Entity
@Table(name = "monitoring_event")
public class MonitoringEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "event_seq")
    @SequenceGenerator(name = "event_seq", sequenceName = "event_seq", allocationSize = 500)
    private Long id;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private EventSource source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private EventKind kind;

    @Column(nullable = false, length = NormalisedEvent.NAME_MAX)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Severity severity;

    @Column(name = "reduction_key", nullable = false, length = NormalisedEvent.KEY_MAX)
    private String reductionKey;

    @Column(name = "alarm_id")
    private Long alarmId;

    @Column(name = "ci_id")
    private Long ciId;

    @Column(name = "source_address", length = 64)
    private String sourceAddress;

    @Column(name = "ci_resolved_by", length = 24)
    private String ciResolvedBy;

    @Column(length = NormalisedEvent.MESSAGE_MAX)
    private String message;

    /** The event's own id when it came through Kafka (unique: a redelivery is refused); null on one node. */
    @Column(name = "event_id", length = NormalisedEvent.ID_MAX)
    private String eventId;

    /** The bindings or labels, as a flat JSON object of strings. */
    @Column(length = 1_000_000)
    private String attributes;

    protected MonitoringEvent() {}

    public MonitoringEvent(NormalisedEvent e, Long alarmId) {
        this.receivedAt = e.receivedAt();
        this.source = e.source();
        this.kind = e.kind();
        this.name = e.name();
        this.severity = e.severity();
        this.reductionKey = e.reductionKey();
        this.alarmId = alarmId;
        this.ciId = e.ciId();
        this.sourceAddress = Texts.cut(e.sourceAddress(), 64);
        this.ciResolvedBy = e.ciResolvedBy();
        this.message = e.message();
        this.attributes = e.attributesJson();
        this.eventId = e.id();
    }

    public Long getId() { return id; }
    public Instant getReceivedAt() { return receivedAt; }
    public EventSource getSource() { return source; }
    public EventKind getKind() { return kind; }
    public String getName() { return name; }
    public Severity getSeverity() { return severity; }
    public String getReductionKey() { return reductionKey; }
    public Long getAlarmId() { return alarmId; }
    public Long getCiId() { return ciId; }
    public String getSourceAddress() { return sourceAddress; }
    public String getCiResolvedBy() { return ciResolvedBy; }
    public String getMessage() { return message; }
    public String getAttributes() { return attributes; }
    public String getEventId() { return eventId; }
}
