package io.beacon.mail.domain;

import java.util.Locale;

/**
 * What a person's mail does to the desk, given the ticket it answers (if any) and who the sender is to
 * that ticket. A {@code From} address proves little (anyone can write any address), so it grants no
 * desk rights: only the ticket's requester, or a participant the desk added, speaks publicly on a ticket
 * by mail, only the requester reopens a resolved one, and a mail whose sender failed authentication gets
 * neither. Everything else becomes an internal note: the desk reads it, the requester never gets it.
 */
public final class Threading {
    public enum Action { OPEN, COMMENT, NOTE, REOPEN, FOLLOW_UP }

    /** Who the sender is to the answered ticket. */
    public enum Sender {
        REQUESTER,
        /** An address the desk added to the ticket. */
        PARTICIPANT,
        /** An agent's or administrator's address on a ticket that is not theirs: a mail cannot speak for the desk. */
        DESK_ADDRESS,
        OTHER
    }

    /** Why a mail on a ticket got less than its sender's claim; each is logged and counted under its code. */
    public enum Downgrade {
        /** The receiving server's Authentication-Results says the sender failed DKIM, SPF or DMARC. */
        UNVERIFIED,
        /** From an agent's or admin's address on someone else's ticket. */
        DESK_ADDRESS,
        /** From neither the requester nor a participant. */
        NOT_A_PARTY,
        /** A participant's mail on a resolved ticket: only the requester reopens. */
        REOPEN_NOT_REQUESTER;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code downgrade} is null when the mail got what it asked for. */
    public record Decision(Action action, Downgrade downgrade) {}

    private Threading() {}

    /**
     * @param answeredStatus the status code of the ticket the mail answers, or null when it answers none
     * @param sender who the sender is to that ticket (ignored when it answers none)
     * @param verified false when the trusted Authentication-Results says the sender failed
     */
    public static Decision decide(String answeredStatus, Sender sender, boolean verified) {
        if (answeredStatus == null) {
            return new Decision(Action.OPEN, null);
        }
        if (answeredStatus.equals("closed")) {
            return new Decision(Action.FOLLOW_UP, null); // a new ticket of the sender's own
        }
        if (sender == Sender.DESK_ADDRESS) {
            return new Decision(Action.NOTE, Downgrade.DESK_ADDRESS);
        }
        if (sender == Sender.OTHER) {
            return new Decision(Action.NOTE, Downgrade.NOT_A_PARTY);
        }
        if (!verified) {
            return new Decision(Action.NOTE, Downgrade.UNVERIFIED);
        }
        if (answeredStatus.equals("resolved")) {
            return sender == Sender.REQUESTER ? new Decision(Action.REOPEN, null)
                    : new Decision(Action.NOTE, Downgrade.REOPEN_NOT_REQUESTER);
        }
        return new Decision(Action.COMMENT, null);
    }
}
