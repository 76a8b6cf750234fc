package io.beacon.event.alarm.domain;
import io.beacon.event.domain.EventSource;
import io.beacon.event.domain.Severity;

import java.util.Set;

/** Criteria of the alarm list; null or empty means "any". */
public record AlarmFilter(Set<AlarmStatus> statuses, Set<Severity> severities, Long ciId, Set<EventSource> sources,
        String q, String incidentKey) {}
