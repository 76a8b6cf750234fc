package io.beacon.event.alarm.domain;
import io.beacon.event.domain.EventSource;

import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The append-only event log. */
public interface MonitoringEvents {
    /** Appends a batch's events in the caller's transaction (they are not read back in it). */
    void addAll(List<MonitoringEvent> events);

    /** Newest first. */
    Page<MonitoringEvent> list(Long ciId, Long alarmId, EventSource source, PageRequest page);

    /** Those of these event ids that are already stored (a redelivery of an event that came through Kafka). */
    Set<String> storedIds(Collection<String> eventIds);

    /** The newest events of an alarm. */
    List<MonitoringEvent> latestOf(long alarmId, int max);
}
