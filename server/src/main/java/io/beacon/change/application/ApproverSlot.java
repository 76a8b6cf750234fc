package io.beacon.change.application;

import java.util.List;

/** One approval seat: the approver and who may act for them now (the approver, then active substitutes). */
public record ApproverSlot(String approver, List<String> candidates) {
    /** The candidate users as Camunda takes them: a comma-separated list. */
    public String candidateList() {
        return String.join(",", candidates);
    }
}
