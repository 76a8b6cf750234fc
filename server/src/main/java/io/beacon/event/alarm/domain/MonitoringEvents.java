package io.beacon.event.alarm.domain;
import io.beacon.event.domain.EventSource;

import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The append-only event log. */
public interface MonitoringEvents {
    void add(MonitoringEvent event);

    /** Newest first. */
    Page<MonitoringEvent> list(Long ciId, Long alarmId, EventSource source, PageRequest page);

    /** Those of these event ids that are already stored (a redelivery of an event that came through Kafka). */
    Set<String> storedIds(Collection<String> eventIds);

    /** The newest events of an alarm. */
    List<MonitoringEvent> latestOf(long alarmId, int max);
}
