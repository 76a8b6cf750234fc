package io.beacon.change.application;

import java.time.Instant;
import java.util.List;

/** Where a process instance stands: its definition, open activities and the activities it went through. */
public record ProcessState(String processKey, int version, String instanceId, boolean ended,
        List<String> currentActivities, List<Step> history) {

    public record Step(String activityId, String name, String type, Instant started, Instant ended, String assignee) {}
}
