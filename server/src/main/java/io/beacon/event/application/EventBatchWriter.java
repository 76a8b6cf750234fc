package io.beacon.event.application;

import io.beacon.event.domain.Alarm;
import io.beacon.event.domain.AlarmReducer;
import io.beacon.event.domain.Alarms;
import io.beacon.event.domain.MonitoringEvent;
import io.beacon.event.domain.MonitoringEvents;
import io.beacon.event.domain.NormalisedEvent;
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
        return new BatchResult(r.recorded().size(), r.duplicates(), refs(r.raised()), refs(r.cleared()));
    }

    private static List<BatchResult.AlarmRef> refs(Set<Alarm> set) {
        return set.stream().map(a -> new BatchResult.AlarmRef(a.getId(), a.getReductionKey())).toList();
    }
}
