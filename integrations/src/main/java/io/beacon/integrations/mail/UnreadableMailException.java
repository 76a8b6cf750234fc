package io.beacon.integrations.mail;

/** A mail whose MIME structure cannot be read: it is moved aside and counted, and the mailbox flows on. */
public class UnreadableMailException extends Exception {
    public UnreadableMailException(String message, Throwable cause) {
        super(message, cause);
    }
}
