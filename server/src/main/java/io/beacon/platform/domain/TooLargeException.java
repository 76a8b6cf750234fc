package io.beacon.platform.domain;

/** The request carries more than Beacon accepts (a file or an import over its size limit). */
public class TooLargeException extends DomainException {
    public TooLargeException(String message) {
        super(message);
    }
}
