package io.beacon.platform.domain;

/** The thing asked for does not exist (or the caller may not know that it does). */
public class NotFoundException extends DomainException {
    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
