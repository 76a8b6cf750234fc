package io.beacon.event.alarm.application;

import io.beacon.event.alarm.domain.Alarm;
import io.beacon.event.alarm.domain.AlarmFilter;
import io.beacon.event.alarm.domain.Alarms;
import io.beacon.event.domain.EventSource;
import io.beacon.event.alarm.domain.MonitoringEvent;
import io.beacon.event.alarm.domain.MonitoringEvents;
import io.beacon.event.domain.Severity;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.NotFoundException;
import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/** Reads alarms and events for people, and has their acknowledgements recorded by the alarm writer. */
@ApplicationScoped
@Transactional
public class AlarmService {
    public static final int EVENTS_SHOWN = 50;

    @Inject
    Alarms alarms;

    @Inject
    MonitoringEvents events;

    @Inject
    AlarmWriter writer;

    @Inject
    Acknowledgements acknowledgements;

    public Page<Alarm> list(AlarmFilter filter, String sort, PageRequest page) {
        return alarms.list(filter, sort, page);
    }

    public Alarm get(long id) {
        return alarms.byId(id).orElseThrow(() -> new NotFoundException("alarm", String.valueOf(id)));
    }

    public List<MonitoringEvent> latestEvents(long alarmId) {
        return events.latestOf(alarmId, EVENTS_SHOWN);
    }

    public Page<MonitoringEvent> events(Long ciId, Long alarmId, EventSource source, PageRequest page) {
        return events.list(ciId, alarmId, source, page);
    }

    /**
     * Acknowledges on the alarm writer's thread (the one writer of alarm rows) and answers the alarm
     * as written; {@link AlarmWriterBusyException} when that took too long.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Alarm acknowledge(Actor actor, long id) {
        return writer.call(() -> acknowledgements.acknowledge(actor, id));
    }

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Alarm unacknowledge(long id) {
        return writer.call(() -> acknowledgements.unacknowledge(id));
    }

    public Map<Severity, Long> activeBySeverity() {
        return alarms.activeBySeverity();
    }

    /** The alarms linked to these incidents, by ticket id. */
    public Map<Long, List<Alarm>> ofIncidents(List<Long> ticketIds) {
        return alarms.byIncidents(ticketIds);
    }
}
