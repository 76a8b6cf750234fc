/** The e-mail channel: the IMAP/POP3 route (and the settings of the mailbox it polls) that hands received mail to the desk, MIME and Korean-charset decoding, and the SMTP sender of the outbox. */
package io.beacon.integrations.mail;
