package io.beacon.event.alarm.domain;
import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.domain.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A time-stepped scenario driver: events go in at a controlled time, each step is one writer
 * batch (reduced in memory like the real writer), then the incident rule runs (an active problem
 * alarm at or above the threshold without an incident opens one; an incident whose alarms have
 * all cleared is resolved). Tests assert the alarms and incidents after each step.
 */
final class AlarmScenario {
    private final Map<String, Alarm> store = new LinkedHashMap<>();
    private final Map<String, Boolean> incidentsOpen = new LinkedHashMap<>();
    private final Map<String, String> incidentOfAlarm = new HashMap<>();
    private final List<NormalisedEvent> pending = new ArrayList<>();
    private final Severity threshold;
    private Instant now;
    private int duplicates;
    private int incidentNumber;

    AlarmScenario(Instant start, Severity threshold) {
        this.now = start;
        this.threshold = threshold;
    }

    Instant now() {
        return now;
    }

    AlarmScenario after(Duration d) {
        now = now.plus(d);
        return this;
    }

    AlarmScenario in(NormalisedEvent e) {
        pending.add(e);
        return this;
    }

    /** Writes what came in since the last step as one batch. */
    AlarmScenario step() {
        Map<String, Alarm> existing = new HashMap<>();
        for (NormalisedEvent e : pending) {
            Alarm a = store.get(e.reductionKey());
            if (a != null) {
                existing.put(e.reductionKey(), a);
            }
        }
        AlarmReducer.Result r = AlarmReducer.reduce(List.copyOf(pending), existing);
        pending.clear();
        duplicates += r.duplicates();
        for (Alarm a : r.created()) {
            store.put(a.getReductionKey(), a);
        }
        for (Alarm a : r.raised()) {
            String incident = incidentOfAlarm.get(a.getReductionKey());
            if (incident != null && !incidentsOpen.get(incident)) {
                a.unlinkIncident();
                incidentOfAlarm.remove(a.getReductionKey());
            }
            if (a.wantsIncident(threshold)) {
                String key = "INC-" + (++incidentNumber);
                a.linkIncident(incidentNumber, key, true);
                incidentsOpen.put(key, true);
                incidentOfAlarm.put(a.getReductionKey(), key);
            }
        }
        for (Alarm a : r.cleared()) {
            String incident = incidentOfAlarm.get(a.getReductionKey());
            if (incident != null && store.values().stream().filter(o -> incident.equals(o.getIncidentKey()))
                    .allMatch(o -> o.getStatus() == AlarmStatus.CLEARED)) {
                incidentsOpen.put(incident, false);
            }
        }
        return this;
    }

    Alarm alarm(String reductionKey) {
        return store.get(reductionKey);
    }

    int alarmCount() {
        return store.size();
    }

    int incidentsOpened() {
        return incidentNumber;
    }

    boolean incidentOpen(String key) {
        return incidentsOpen.getOrDefault(key, false);
    }

    int duplicates() {
        return duplicates;
    }
}
