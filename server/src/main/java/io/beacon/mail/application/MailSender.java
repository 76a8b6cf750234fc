package io.beacon.mail.application;

/** The port the mail channel implements (SMTP): sends one mail, or throws with the reason it could not. */
public interface MailSender {
    void send(OutgoingMail mail) throws Exception;
}
