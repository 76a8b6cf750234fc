package io.beacon.event.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the incident side of a committed batch, after its events are safe: all of a batch's
 * incident work in one transaction, and when that fails, alarm by alarm, so that one bad alarm
 * neither blocks the others nor loses an event (events are already committed; the sweep at start
 * catches alarms that a crash left without their incident).
 */
@ApplicationScoped
public class IncidentDesk {
    private static final Logger LOG = Logger.getLogger(IncidentDesk.class.getName());

    @Inject
    IncidentActions actions;

    @Inject
    IngestMetrics metrics;

    void handle(BatchResult result, Map<String, Long> firstSeenNanos) {
        if (result.raised().isEmpty() && result.cleared().isEmpty()) {
            return;
        }
        List<Long> raised = result.raised().stream().map(BatchResult.AlarmRef::alarmId).toList();
        List<Long> cleared = result.cleared().stream().map(BatchResult.AlarmRef::alarmId).toList();
        List<Long> opened;
        try {
            opened = actions.apply(raised, cleared);
        } catch (RuntimeException all) {
            LOG.log(Level.WARNING, "Incident work for a batch failed; retrying alarm by alarm", all);
            opened = new java.util.ArrayList<>();
            for (Long id : raised) {
                try {
                    opened.addAll(actions.apply(List.of(id), List.of()));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not open the incident of alarm " + id, e);
                }
            }
            for (Long id : cleared) {
                try {
                    actions.apply(List.of(), List.of(id));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not resolve the incident of alarm " + id, e);
                }
            }
        }
        long now = System.nanoTime();
        for (BatchResult.AlarmRef ref : result.raised()) {
            Long since = firstSeenNanos.get(ref.reductionKey());
            if (since != null && opened.contains(ref.alarmId())) {
                metrics.incidentLatency(now - since);
            }
        }
    }

    /** Opens the incidents that active alarms still want (after a crash between the two transactions). */
    void sweep() {
        try {
            List<Long> pending = actions.alarmsWantingIncidents();
            if (!pending.isEmpty()) {
                LOG.info(pending.size() + " active alarms have no incident yet; opening them");
                for (Long id : pending) {
                    try {
                        actions.apply(List.of(id), List.of());
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Could not open the incident of alarm " + id, e);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The incident sweep failed", e);
        }
    }
}
