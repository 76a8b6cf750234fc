package io.beacon.event.ingest.application;

import java.util.ArrayList;
import java.util.List;

/**
 * A stage of an inbound route failed on an event (its normalisation, or the hand-off to the
 * writer): the input was kept as a dead letter for the operator and is not acknowledged.
 * {@code retryable}: the failure was in the hand-off, not in the event, so the sender may try
 * again later; otherwise the same input would fail the same way.
 */
public class EventNotIngestedException extends RuntimeException {
    private final List<String> deadLetters;
    private final boolean retryable;

    public EventNotIngestedException(String message, List<String> deadLetters, boolean retryable) {
        super(message, null, false, false); // may come in floods: no stack trace to fill
        this.deadLetters = List.copyOf(deadLetters);
        this.retryable = retryable;
    }

    /** One event kept as the dead letter {@code deadLetter}. */
    public static EventNotIngestedException of(String deadLetter, boolean retryable) {
        return new EventNotIngestedException((retryable ? "the event could not be handed to the writer"
                : "the event could not be processed") + "; it was kept as dead letter " + deadLetter, List.of(deadLetter),
                retryable);
    }

    /** Several events of one delivery failed; {@code accepted} of the {@code total} were committed. */
    static EventNotIngestedException ofParts(List<EventNotIngestedException> failed, int total, int accepted) {
        List<String> letters = new ArrayList<>();
        boolean retryable = true;
        for (EventNotIngestedException f : failed) {
            letters.addAll(f.deadLetters);
            retryable &= f.retryable;
        }
        return new EventNotIngestedException(failed.size() + " of " + total + " events could not be "
                + (retryable ? "handed to the writer" : "processed") + " and were kept as dead letters " + shown(letters)
                + "; accepted: " + accepted, letters, retryable);
    }

    private static String shown(List<String> letters) {
        int max = 10;
        return letters.size() <= max ? letters.toString()
                : letters.subList(0, max) + " and " + (letters.size() - max) + " more";
    }

    public List<String> deadLetters() {
        return deadLetters;
    }

    public boolean retryable() {
        return retryable;
    }
}
