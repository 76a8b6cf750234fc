package io.beacon.event.alarm.application;

import io.beacon.event.alarm.domain.Alarm;
import io.beacon.event.alarm.domain.AlarmReducer;
import io.beacon.event.alarm.domain.Alarms;
import io.beacon.event.alarm.domain.MonitoringEvent;
import io.beacon.event.alarm.domain.MonitoringEvents;
import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.domain.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes one batch in one transaction: loads the alarms of the batch's reduction keys in one go,
 * folds the events into them in memory, inserts the new alarms and every event. One update per
 * alarm per batch, however many of its events the batch holds.
 */
@ApplicationScoped
@Transactional
public class EventBatchWriter {
    @Inject
    Alarms alarms;

    @Inject
    MonitoringEvents log;

    @Inject
    PagingThreshold paging;

    public BatchResult write(List<NormalisedEvent> events) {
        Set<String> keys = new LinkedHashSet<>();
        for (NormalisedEvent e : events) {
            keys.add(e.reductionKey());
        }
        AlarmReducer.Result r = AlarmReducer.reduce(events, alarms.byReductionKeys(keys));
        for (Alarm created : r.created()) {
            alarms.add(created);
        }
        for (AlarmReducer.Recorded rec : r.recorded()) {
            log.add(new MonitoringEvent(rec.event(), rec.alarm() == null ? null : rec.alarm().getId()));
        }
        alarms.flush();
        Severity threshold = paging.severity();
        // Only what may change an incident goes on: a flood of repeats of alarms that have theirs costs nothing more.
        Set<Alarm> candidates = new LinkedHashSet<>();
        for (Alarm a : r.raised()) {
            if (r.reraised().contains(a) || a.wantsIncident(threshold) && a.getSuppressionKind() == null) {
                candidates.add(a);
            }
        }
        Set<Alarm> cleared = new LinkedHashSet<>();
        for (Alarm a : r.cleared()) {
            if (a.isIncidentAuto() && a.getIncidentId() != null) {
                cleared.add(a);
            }
        }
        return new BatchResult(r.recorded().size(), r.duplicates(), refs(candidates), refs(cleared));
    }

    private static List<BatchResult.AlarmRef> refs(Set<Alarm> set) {
        return set.stream().map(a -> new BatchResult.AlarmRef(a.getId(), a.getReductionKey())).toList();
    }
}
