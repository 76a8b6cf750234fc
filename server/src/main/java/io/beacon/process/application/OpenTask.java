package io.beacon.process.application;

import io.beacon.change.domain.ApprovalRounds;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An open user task as the inbox shows it, with the key and title of its change or ticket; an approval
 * task also says what changed in its change since the approvers last decided ({@code revisions}, empty
 * when nothing did; null on other tasks). {@code name} is the process model's English name; {@code nameKey}
 * ({@code sys.task.<task definition key>}) and {@code nameArgs} ({@code key}, {@code title}) let each reader
 * see it in their language (null for a task the console has no words for).
 */
public record OpenTask(String id, String name, String taskKey, String processKey, String changeKey, String ticketKey,
        String title, Instant created, Instant due, String assignee, List<String> candidateUsers,
        List<String> candidateGroups, boolean decision, List<ApprovalRounds.Revision> revisions, String nameKey,
        Map<String, String> nameArgs) {

    /** The user tasks of Beacon's processes that have a message key {@code sys.task.<id>}. */
    static final Set<String> NAMED_TASKS = Set.of("approve", "startImplementation", "finishImplementation", "review");

    public OpenTask(String id, String name, String taskKey, String processKey, String changeKey, String ticketKey,
            String title, Instant created, Instant due, String assignee, List<String> candidateUsers,
            List<String> candidateGroups, boolean decision, List<ApprovalRounds.Revision> revisions) {
        this(id, name, taskKey, processKey, changeKey, ticketKey, title, created, due, assignee, candidateUsers,
                candidateGroups, decision, revisions, NAMED_TASKS.contains(taskKey) ? "sys.task." + taskKey : null,
                NAMED_TASKS.contains(taskKey) ? args(changeKey != null ? changeKey : ticketKey, title) : null);
    }

    private static Map<String, String> args(String key, String title) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("key", key == null ? "" : key);
        args.put("title", title == null ? "" : title);
        return args;
    }
}
