package io.beacon.platform.domain;

/**
 * The request body cannot be read as the format it claims (broken JSON or CSV, nesting too deep,
 * an array where an object belongs): the request itself is wrong, so it answers 400.
 */
public class MalformedBodyException extends DomainException {
    private final String format;

    /** {@code format}: what the body should have been, "json" or "csv". */
    public MalformedBodyException(String format, String message) {
        super(message);
        this.format = format;
    }

    public String format() {
        return format;
    }
}
