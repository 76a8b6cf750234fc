package io.beacon.mail.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Loop and noise protection: which received mails never open a ticket and never get an
 * automatic answer (RFC 3834, RFC 3464, and what Zammad and Jira Service Management honour).
 */
public final class MailScreening {
    private static final Pattern DAEMON = Pattern.compile(
            "(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern BULK = Pattern.compile("\\s*(bulk|junk|list)\\s*", Pattern.CASE_INSENSITIVE);

    private MailScreening() {}

    /** Empty when the mail is a person's and may open or update a ticket. */
    public static Optional<RejectReason> screen(InboundMail mail, String ownAddress) {
        MailSignals s = mail.signals();
        String from = mail.fromAddress();
        if (from == null || from.isBlank() || from.indexOf('@') < 1 || from.length() > 254) { // RFC 5321 path limit
            return Optional.of(RejectReason.NO_SENDER);
        }
        if (s.deliveryReport() || DAEMON.matcher(from).matches()) {
            return Optional.of(RejectReason.BOUNCE);
        }
        if (ownAddress != null && from.equalsIgnoreCase(ownAddress.strip())) {
            return Optional.of(RejectReason.OWN_ADDRESS);
        }
        if (s.autoSubmitted() != null && !s.autoSubmitted().isBlank()
                && !firstToken(s.autoSubmitted()).equals("no")) {
            return Optional.of(RejectReason.AUTO_SUBMITTED);
        }
        if (s.xLoop() != null) {
            return Optional.of(RejectReason.LOOP);
        }
        if ((s.precedence() != null && BULK.matcher(s.precedence()).matches()) || s.listMail()) {
            return Optional.of(RejectReason.BULK);
        }
        if (s.autoResponseSuppress() != null && !s.autoResponseSuppress().isBlank()
                && !firstToken(s.autoResponseSuppress()).equals("none")) {
            return Optional.of(RejectReason.AUTO_RESPONSE_SUPPRESS);
        }
        if (s.nullReturnPath()) {
            return Optional.of(RejectReason.BOUNCE);
        }
        return Optional.empty();
    }

    /** Addresses that never get mail from Beacon (RFC 3834 §2: no answers to daemons and no-reply boxes). */
    public static boolean neverMail(String address) {
        if (address == null || address.indexOf('@') < 1) {
            return true;
        }
        String local = address.substring(0, address.indexOf('@')).toLowerCase(Locale.ROOT);
        return DAEMON.matcher(address).matches() || local.equals("noreply") || local.equals("no-reply")
                || local.equals("donotreply") || local.equals("do-not-reply") || local.equals("abuse")
                || local.equals("root");
    }

    private static String firstToken(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < v.length() && (Character.isLetterOrDigit(v.charAt(end)) || v.charAt(end) == '-')) {
            end++;
        }
        return v.substring(0, end);
    }
}
