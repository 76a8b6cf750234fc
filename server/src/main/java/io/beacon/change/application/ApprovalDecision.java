package io.beacon.change.application;

import io.beacon.change.domain.ApprovalRule;
import io.beacon.change.domain.ChangeType;
import io.beacon.change.domain.Risk;

/** Port: who must approve a change of this type and risk, and how many of them (the changeApproval decision). */
public interface ApprovalDecision {
    Approval approval(ChangeType type, Risk risk);

    /** Which approvers are asked and by which rule their decisions count. */
    record Approval(Approvers approvers, ApprovalRule rule) {}

    /** The approver groups of the change settings: the CAB, the emergency approvers, or nobody. */
    enum Approvers { CAB, EMERGENCY, NOBODY }
}
