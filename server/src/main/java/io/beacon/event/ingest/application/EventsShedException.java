package io.beacon.event.ingest.application;

/** The ingest queue was full (overload) or the event could not be stored: the sender should retry later. */
public class EventsShedException extends RuntimeException {
    public EventsShedException(String message) {
        super(message, null, false, false); // thrown in floods: no stack trace to fill
    }
}
