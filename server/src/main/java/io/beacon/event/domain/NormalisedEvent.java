package io.beacon.event.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One monitoring event after decoding and normalisation, whatever channel it came from: what
 * happened, where (the CI, when one matched, and how it was found), how bad, and the reduction
 * key that folds repeats into one alarm. {@code occurrence} identifies one occurrence at the
 * source (Alertmanager: startsAt), so that a redelivery of the same occurrence counts once.
 * The bindings or labels are kept as the JSON text they are stored as, written on the receiving
 * thread: under a flood a queued event is a handful of objects (cheap for the garbage collector to
 * keep), and the single writer thread does not spend its time writing JSON.
 */
public record NormalisedEvent(Instant receivedAt, EventSource source, EventKind kind, String name, Severity severity,
        String reductionKey, String occurrence, Long ciId, String ciName, String sourceAddress, String ciResolvedBy,
        String message, String attributesJson) {

    public static final int NAME_MAX = 200;
    public static final int KEY_MAX = 500;
    public static final int MESSAGE_MAX = 2000;

    public NormalisedEvent {
        name = Texts.cut(name, NAME_MAX);
        reductionKey = Texts.cut(reductionKey, KEY_MAX);
        message = Texts.cut(message, MESSAGE_MAX);
        attributesJson = attributesJson == null ? "{}" : attributesJson;
    }

    public NormalisedEvent(Instant receivedAt, EventSource source, EventKind kind, String name, Severity severity,
            String reductionKey, String occurrence, Long ciId, String ciName, String sourceAddress, String ciResolvedBy,
            String message, Map<String, String> attributes) {
        this(receivedAt, source, kind, name, severity, reductionKey, occurrence, ciId, ciName, sourceAddress, ciResolvedBy,
                message, FlatJson.object(attributes == null ? Map.of() : attributes));
    }
}
