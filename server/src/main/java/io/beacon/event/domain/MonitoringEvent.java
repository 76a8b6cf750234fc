package io.beacon.event.domain;

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
import java.util.Map;

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
        this.attributes = Json.object(e.attributes());
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

    /** Minimal JSON writing for a flat string map (no library in the domain). */
    static final class Json {
        private Json() {}

        static String object(Map<String, String> map) {
            StringBuilder b = new StringBuilder(64 + map.size() * 32).append('{');
            boolean first = true;
            for (Map.Entry<String, String> e : map.entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                string(b, e.getKey());
                b.append(':');
                if (e.getValue() == null) {
                    b.append("null");
                } else {
                    string(b, e.getValue());
                }
            }
            return b.append('}').toString();
        }

        private static void string(StringBuilder b, String s) {
            b.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            b.append('"');
        }
    }
}
