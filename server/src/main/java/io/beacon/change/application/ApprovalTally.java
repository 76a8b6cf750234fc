package io.beacon.change.application;

/** How many approvals the round under way needs ({@code required}) out of how many approver seats. */
public record ApprovalTally(int required, int seats) {}
