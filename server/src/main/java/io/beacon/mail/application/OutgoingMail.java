package io.beacon.mail.application;

/**
 * A mail ready for the wire. Message-IDs are without angle brackets; {@code references} is the
 * header value as it goes out.
 */
public record OutgoingMail(String to, String subject, String body, String messageId, String inReplyTo,
        String references, String autoSubmitted) {}
