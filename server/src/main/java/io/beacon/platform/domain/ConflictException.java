package io.beacon.platform.domain;

/** The request contradicts the current state: a duplicate name, a stale version, an illegal step. */
public class ConflictException extends DomainException {
    private final String field;

    public ConflictException(String message) {
        this(null, message);
    }

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field the conflict is about, or null. */
    public String field() {
        return field;
    }
}
