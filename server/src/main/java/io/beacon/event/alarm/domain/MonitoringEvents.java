package io.beacon.event.alarm.domain;
import io.beacon.event.domain.EventSource;

import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import java.util.List;

/** The append-only event log. */
public interface MonitoringEvents {
    void add(MonitoringEvent event);

    /** Newest first. */
    Page<MonitoringEvent> list(Long ciId, Long alarmId, EventSource source, PageRequest page);

    /** The newest events of an alarm. */
    List<MonitoringEvent> latestOf(long alarmId, int max);
}
