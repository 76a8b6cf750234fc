/** The e-mail channel: the IMAP/POP3 route that hands received mail to the desk, MIME and Korean-charset decoding, and the SMTP sender of the outbox. */
package io.beacon.integrations.mail;
