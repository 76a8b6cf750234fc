package io.beacon.change.application;

/** Approval of a change started again after a revision: fired inside the transaction that restarted it. */
public record ApprovalRestarted(long changeId, String key, int round) {}
