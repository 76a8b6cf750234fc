package io.beacon.mail.application;

/**
 * The port the mail channel implements (SMTP). A round of the outbox opens one connection and sends
 * its mails over it, as MTAs do: a TLS handshake and a login per mail cost more than the mail, and
 * mail servers limit how fast a client may connect.
 */
public interface MailSender {
    /** A session with the mail server; what it cannot do now is thrown with the reason. */
    Connection connect() throws Exception;

    /** Sends mails one after the other over one session. */
    interface Connection extends AutoCloseable {
        /** Sends one mail, or throws with the reason it could not (the session may then be unusable). */
        void send(OutgoingMail mail) throws Exception;

        /** Ends the session; a failure to end it politely is not the caller's concern. */
        @Override
        void close();
    }
}
