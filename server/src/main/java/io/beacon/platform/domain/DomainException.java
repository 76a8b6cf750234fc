package io.beacon.platform.domain;

import java.util.Map;

/**
 * A request that the domain refuses; each subclass says which kind of refusal it is. A refusal a person
 * may read carries a message key with its arguments ({@link #keyed}), so that the API tells it in the
 * reader's language; the plain message stays for logs and for keys a language lacks.
 */
public abstract class DomainException extends RuntimeException {
    private String messageKey;
    private Map<String, Object> messageArgs = Map.of();

    protected DomainException(String message) {
        super(message);
    }

    /** Names the message (for example {@code problem.ticket.deskOnlyFields}) and its {@code {name}} arguments. */
    public DomainException keyed(String key, Map<String, ?> args) {
        this.messageKey = key;
        this.messageArgs = args == null ? Map.of() : Map.copyOf(args);
        return this;
    }

    /** The message key, or null when the refusal has only its English message. */
    public String messageKey() {
        return messageKey;
    }

    public Map<String, Object> messageArgs() {
        return messageArgs;
    }
}
