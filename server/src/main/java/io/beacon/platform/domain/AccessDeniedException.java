package io.beacon.platform.domain;

/** The caller is known but may not do this (their roles, or whose record it is, forbid it). */
public class AccessDeniedException extends DomainException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
