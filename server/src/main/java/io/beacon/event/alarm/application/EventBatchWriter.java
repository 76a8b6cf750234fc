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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes one batch in one transaction: loads the alarms of the batch's reduction keys in one go,
 * folds the events into them in memory, inserts the new alarms and every event. One update per
 * alarm per batch, however many of its events the batch holds. An event whose id is already stored
 * (a redelivery through Kafka) is left out before anything counts it; the unique index on the id
 * refuses the batch when another node stored the same event meanwhile.
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

    public BatchResult write(List<NormalisedEvent> delivered) {
        return write(delivered, false);
    }

    /**
     * With {@code awaitCorrelation} (a core node that does not correlate now) the alarms that may
     * change an incident are marked in this transaction for the correlating node to decide about.
     */
    public BatchResult write(List<NormalisedEvent> delivered, boolean awaitCorrelation) {
        List<NormalisedEvent> events = firstDeliveries(delivered);
        int redelivered = delivered.size() - events.size();
        Set<String> keys = new LinkedHashSet<>();
        for (NormalisedEvent e : events) {
            keys.add(e.reductionKey());
        }
        AlarmReducer.Result r = AlarmReducer.reduce(events, alarms.byReductionKeys(keys));
        for (Alarm created : r.created()) {
            alarms.add(created);
        }
        List<MonitoringEvent> recorded = new ArrayList<>(r.recorded().size());
        for (AlarmReducer.Recorded rec : r.recorded()) {
            recorded.add(new MonitoringEvent(rec.event(), rec.alarm() == null ? null : rec.alarm().getId()));
        }
        log.addAll(recorded);
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
        if (awaitCorrelation && !(candidates.isEmpty() && cleared.isEmpty())) {
            candidates.forEach(a -> a.awaitCorrelation(true));
            cleared.forEach(a -> a.awaitCorrelation(false));
            alarms.flush();
        }
        return new BatchResult(r.recorded().size(), r.duplicates() + redelivered, refs(candidates), refs(cleared));
    }

    /** The events not stored before (by id; events without one always are new), each id once. */
    private List<NormalisedEvent> firstDeliveries(List<NormalisedEvent> events) {
        Set<String> ids = new HashSet<>();
        for (NormalisedEvent e : events) {
            if (e.id() != null) {
                ids.add(e.id());
            }
        }
        if (ids.isEmpty()) {
            return events; // one node: no ids, no query
        }
        Set<String> seen = new HashSet<>(log.storedIds(ids));
        List<NormalisedEvent> fresh = new ArrayList<>(events.size());
        for (NormalisedEvent e : events) {
            if (e.id() == null || seen.add(e.id())) {
                fresh.add(e);
            }
        }
        return fresh;
    }

    private static List<BatchResult.AlarmRef> refs(Set<Alarm> set) {
        return set.stream().map(a -> new BatchResult.AlarmRef(a.getId(), a.getReductionKey())).toList();
    }
}
