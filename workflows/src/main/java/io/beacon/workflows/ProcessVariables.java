package io.beacon.workflows;

/** Every process variable name, in one place: the BPMN files use the same names. */
public final class ProcessVariables {
    private ProcessVariables() {}

    // Change management
    public static final String CHANGE_ID = "changeId";
    public static final String CHANGE_KEY = "changeKey";
    public static final String CHANGE_TYPE = "changeType";
    public static final String TITLE = "title";
    public static final String REQUESTER = "requester";
    public static final String IMPLEMENTER = "implementer";
    /** The approval seats: each a comma list of candidate users (approver first, then substitutes). */
    public static final String APPROVER_SEATS = "approverSeats";
    public static final String SEAT = "seat";
    public static final String APPROVER_COUNT = "approverCount";
    public static final String REQUIRED_APPROVALS = "requiredApprovals";
    public static final String APPROVALS = "approvals";
    public static final String REJECTIONS = "rejections";
    /** Set when an approval task completes: true approves, false rejects. */
    public static final String APPROVED = "approved";
    public static final String REMINDER_AT = "reminderAt";
    public static final String ESCALATE_AT = "escalateAt";
    /** Message: what was approved changed while the change awaits approval; approval starts again. */
    public static final String MSG_CHANGE_REVISED = "changeRevised";
    /** Who revised the change (set with {@link #MSG_CHANGE_REVISED}). */
    public static final String REVISED_BY = "revisedBy";
    /** How a closed change ended (successful, failed, backed_out): the outcome gateway reads it. */
    public static final String OUTCOME = "outcome";

    // Ticket lifecycle
    public static final String TICKET_ID = "ticketId";
    public static final String TICKET_KEY = "ticketKey";
    /** When the SLA timer next fires (ISO-8601): the earliest near-breach or breach still ahead. */
    public static final String NEXT_SLA_CHECK = "nextSlaCheck";
    /** When a resolved ticket closes itself unless reopened (ISO-8601). */
    public static final String AUTO_CLOSE_AT = "autoCloseAt";

    // Ticket lifecycle messages (the ticket's status changes)
    public static final String MSG_PENDING = "ticketPending";
    public static final String MSG_RESUMED = "ticketResumed";
    public static final String MSG_REPRIORITISED = "ticketReprioritised";
    public static final String MSG_RESOLVED = "ticketResolved";
    public static final String MSG_REOPENED = "ticketReopened";
    public static final String MSG_CLOSED = "ticketClosed";
}
