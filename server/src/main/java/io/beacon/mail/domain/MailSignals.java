package io.beacon.mail.domain;

/**
 * The headers that tell an automated or bulk mail from a person's mail (RFC 3834 Auto-Submitted,
 * Precedence, Exchange's X-Auto-Response-Suppress, X-Loop, list headers, delivery reports, an
 * empty Return-Path). Values are as received, or null when the header was absent.
 */
public record MailSignals(String autoSubmitted, String precedence, String autoResponseSuppress, String xLoop,
        boolean listMail, boolean deliveryReport, boolean nullReturnPath) {

    public static final MailSignals NONE = new MailSignals(null, null, null, null, false, false, false);
}
