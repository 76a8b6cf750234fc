package io.beacon.change.domain;

/** How many of a change's approvers must approve it (the changeApproval decision table chooses the rule). */
public enum ApprovalRule {
    /** Every approver; one rejection rejects. */
    ALL,
    /** More than half; rejected once a majority can no longer be reached. */
    MAJORITY,
    /** The first approval decides; rejected only when everyone rejected. */
    ONE,
    /** Pre-approved: nobody is asked. */
    NONE;

    /** Approvals needed out of {@code approvers} (at least one unless none, so that an empty CAB approves nothing). */
    public int required(int approvers) {
        return switch (this) {
            case ALL -> Math.max(1, approvers);
            case MAJORITY -> approvers / 2 + 1;
            case ONE -> 1;
            case NONE -> 0;
        };
    }

    public String code() {
        return Codes.code(this);
    }

    public static ApprovalRule fromCode(String field, String code) {
        return Codes.parse(ApprovalRule.class, field, code);
    }
}
