package io.beacon.platform.domain;

/** A request that the domain refuses; each subclass says which kind of refusal it is. */
public abstract class DomainException extends RuntimeException {
    protected DomainException(String message) {
        super(message);
    }
}
