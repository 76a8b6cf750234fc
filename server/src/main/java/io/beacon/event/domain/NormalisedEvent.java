package io.beacon.event.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One monitoring event after decoding and normalisation, whatever channel it came from: what
 * happened, where (the CI, when one matched, and how it was found), how bad, and the reduction
 * key that folds repeats into one alarm. {@code occurrence} identifies one occurrence at the
 * source (Alertmanager: startsAt), so that a redelivery of the same occurrence counts once.
 * The bindings or labels are kept as the JSON text they are stored as, written on the receiving
 * thread: under a flood a queued event is a handful of objects (cheap for the garbage collector to
 * keep), and the single writer thread does not spend its time writing JSON.
 * <p>
 * A normaliser leaves the CI open: it lists the event's {@code clues} in the order they count and
 * writes {@link #WHERE} where the CI (or, without one, the device) goes in the reduction key and
 * the message. Attribution, right before the event is written, fills them in ({@link #attributed}),
 * so that what the CMDB says at that moment decides, not what it said when the event arrived.
 * <p>
 * {@code id} names the event itself when it travels between nodes (a collector gives it before
 * handing the event to Kafka): the writer stores it and refuses an id it already has, so that a
 * redelivery (a spool resent, an offset committed late) changes nothing. Null on one node.
 */
public record NormalisedEvent(Instant receivedAt, EventSource source, EventKind kind, String name, Severity severity,
        String reductionKey, String occurrence, Long ciId, String ciName, String sourceAddress, String ciResolvedBy,
        String message, String attributesJson, List<CiClue> clues, String id) {

    public static final int NAME_MAX = 200;
    public static final int KEY_MAX = 500;
    public static final int MESSAGE_MAX = 2000;
    /**
     * Stands for the CI in a key or message until attribution: {@code ci<id>} in the key and the CI's
     * name in the message, or the device ({@code sourceAddress}) when no CI claims the event. A
     * private-use character, so that it survives {@link Texts#cut}; input never carries it ({@link #literal}).
     */
    public static final String WHERE = "\uE000";
    /** An event id's longest form (a UUID's text). */
    public static final int ID_MAX = 36;

    public NormalisedEvent {
        name = Texts.cut(name, NAME_MAX);
        reductionKey = Texts.cut(reductionKey, KEY_MAX);
        message = Texts.cut(message, MESSAGE_MAX);
        attributesJson = attributesJson == null ? "{}" : attributesJson;
        clues = clues == null ? List.of() : List.copyOf(clues);
    }

    /** An event without an id (one node: nothing redelivers it). */
    public NormalisedEvent(Instant receivedAt, EventSource source, EventKind kind, String name, Severity severity,
            String reductionKey, String occurrence, Long ciId, String ciName, String sourceAddress, String ciResolvedBy,
            String message, String attributesJson, List<CiClue> clues) {
        this(receivedAt, source, kind, name, severity, reductionKey, occurrence, ciId, ciName, sourceAddress, ciResolvedBy,
                message, attributesJson, clues, null);
    }

    /** The same event named {@code id}. */
    public NormalisedEvent withId(String id) {
        return new NormalisedEvent(receivedAt, source, kind, name, severity, reductionKey, occurrence, ciId, ciName,
                sourceAddress, ciResolvedBy, message, attributesJson, clues, id);
    }

    /** An attributed event (or one that names no CI at all). */
    public NormalisedEvent(Instant receivedAt, EventSource source, EventKind kind, String name, Severity severity,
            String reductionKey, String occurrence, Long ciId, String ciName, String sourceAddress, String ciResolvedBy,
            String message, Map<String, String> attributes) {
        this(receivedAt, source, kind, name, severity, reductionKey, occurrence, ciId, ciName, sourceAddress, ciResolvedBy,
                message, FlatJson.object(attributes == null ? Map.of() : attributes), List.of());
    }

    /** An event whose CI is still to be found from its clues. */
    public static NormalisedEvent unattributed(Instant receivedAt, EventSource source, EventKind kind, String name,
            Severity severity, String reductionKey, String occurrence, String sourceAddress, String message,
            Map<String, String> attributes, List<CiClue> clues) {
        return new NormalisedEvent(receivedAt, source, kind, name, severity, reductionKey, occurrence, null, null,
                sourceAddress, null, message, FlatJson.object(attributes == null ? Map.of() : attributes), clues);
    }

    /**
     * The event attributed to a CI ({@code ciId} null: to none): key and message completed, clues
     * dropped. The key and message are cut again after {@link #WHERE} is replaced, which gives what
     * cutting the completed text would have given (the stand-in is never wider than what replaces it).
     */
    public NormalisedEvent attributed(Long ciId, String ciName, String resolvedBy) {
        String device = sourceAddress == null ? "" : sourceAddress.trim();
        String key = reductionKey.replace(WHERE, ciId != null ? "ci" + ciId : device);
        String text = message == null ? null
                : message.replace(WHERE, ciName != null ? ciName : sourceAddress == null ? "" : sourceAddress);
        return new NormalisedEvent(receivedAt, source, kind, name, severity, key, occurrence, ciId,
                ciId != null ? ciName : null, sourceAddress, ciId != null ? resolvedBy : null, text, attributesJson,
                List.of(), id);
    }

    /** Input text as it may appear in a key or message: never mistaken for {@link #WHERE}. */
    public static String literal(String s) {
        return s == null || s.indexOf(WHERE.charAt(0)) < 0 ? s : s.replace(WHERE, "\uFFFD");
    }
}
