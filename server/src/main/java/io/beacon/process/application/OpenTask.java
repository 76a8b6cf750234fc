package io.beacon.process.application;

import io.beacon.change.domain.ApprovalRounds;
import java.time.Instant;
import java.util.List;

/**
 * An open user task as the inbox shows it, with the key and title of its change or ticket; an approval
 * task also says what changed in its change since the approvers last decided ({@code revisions}, empty
 * when nothing did; null on other tasks).
 */
public record OpenTask(String id, String name, String taskKey, String processKey, String changeKey, String ticketKey,
        String title, Instant created, Instant due, String assignee, List<String> candidateUsers,
        List<String> candidateGroups, boolean decision, List<ApprovalRounds.Revision> revisions) {}
