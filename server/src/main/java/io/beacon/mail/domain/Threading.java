package io.beacon.mail.domain;

/**
 * What a person's mail does to the desk, given the ticket it answers (if any): open a new
 * ticket, comment on an open one, reopen a resolved one, or open a follow-up of a closed one.
 */
public final class Threading {
    public enum Action { OPEN, COMMENT, REOPEN, FOLLOW_UP }

    private Threading() {}

    /** {@code answeredStatus}: the status code of the ticket the mail answers, or null when it answers none. */
    public static Action decide(String answeredStatus) {
        if (answeredStatus == null) {
            return Action.OPEN;
        }
        return switch (answeredStatus) {
            case "resolved" -> Action.REOPEN;
            case "closed" -> Action.FOLLOW_UP;
            default -> Action.COMMENT;
        };
    }
}
