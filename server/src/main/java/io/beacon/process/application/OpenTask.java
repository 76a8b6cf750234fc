package io.beacon.process.application;

import java.time.Instant;
import java.util.List;

/** An open user task as the inbox shows it, with the key and title of its change or ticket. */
public record OpenTask(String id, String name, String taskKey, String processKey, String changeKey, String ticketKey,
        String title, Instant created, Instant due, String assignee, List<String> candidateUsers,
        List<String> candidateGroups, boolean decision) {}
