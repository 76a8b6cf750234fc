package io.beacon.mail.domain;

import java.util.Locale;

/** Why a received mail opened nothing; each is counted under its code. */
public enum RejectReason {
    /** Auto-Submitted other than "no": vacation notices, notifications. */
    AUTO_SUBMITTED,
    /** Precedence: bulk, junk or list, or a mailing list's headers. */
    BULK,
    /** X-Auto-Response-Suppress: the sender is an automated system asking not to be answered. */
    AUTO_RESPONSE_SUPPRESS,
    /** X-Loop: a mail system says the mail has gone round already. */
    LOOP,
    /** A delivery status notification, or mail from MAILER-DAEMON or postmaster: recorded, not a request. */
    BOUNCE,
    /** Beacon's own address as the sender: its own notification came back. */
    OWN_ADDRESS,
    /** No usable sender address. */
    NO_SENDER,
    /** The same Message-ID was processed before. */
    DUPLICATE,
    /** The mail could not be decoded, or its content could not become a ticket. */
    UNPARSABLE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
