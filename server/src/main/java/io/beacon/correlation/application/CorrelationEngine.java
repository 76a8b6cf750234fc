package io.beacon.correlation.application;

import io.beacon.cmdb.application.CmdbView;
import io.beacon.correlation.domain.AlarmSignal;
import io.beacon.correlation.domain.AlarmState;
import io.beacon.correlation.domain.CorrelationRules;
import io.beacon.correlation.domain.Correlator;
import io.beacon.correlation.domain.Decision;
import io.beacon.correlation.domain.PlannedWorkIndex;
import io.beacon.correlation.domain.UpstreamIndex;
import io.beacon.correlation.CorrelationSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Beacon's one {@link Correlator}, with its rules from the settings, the live CMDB view as its
 * topology and its planned work kept current by {@link CorrelationIndexes}. Every call is serialised: the correlator is plain single-threaded
 * domain code, and the ingest writer and the ticker both reach it.
 */
@ApplicationScoped
public class CorrelationEngine {
    @Inject
    CorrelationSettings settings;

    @Inject
    CmdbView cmdb;

    private Correlator correlator;
    private UpstreamIndex topology;
    private PlannedWorkIndex plannedWork = PlannedWorkIndex.empty();

    @PostConstruct
    void create() {
        topology = new UpstreamIndex(cmdb.dependencies()); // live: every committed relation change shows at once
        correlator = fresh();
    }

    public synchronized List<Decision> problem(AlarmSignal signal, Instant now) {
        return correlator.problem(signal, now);
    }

    public synchronized List<Decision> clear(String reductionKey, Instant now) {
        return correlator.clear(reductionKey, now);
    }

    public synchronized List<Decision> tick(Instant now) {
        return correlator.tick(now);
    }

    public synchronized void incidentResolved(String reductionKey, Instant at) {
        correlator.incidentResolved(reductionKey, at);
    }

    /** An alarm moved onto the CI that claimed its address (perhaps under a new reduction key). */
    public synchronized void reattribute(long alarmId, String reductionKey, long ciId, String label) {
        correlator.reattribute(alarmId, reductionKey, ciId, label);
    }

    /** Forgets everything and takes over what the stored alarms say (at start, or after a failed transaction). */
    public synchronized void restore(Collection<AlarmState> states) {
        correlator = fresh();
        correlator.restore(states);
    }

    public synchronized int remembered() {
        return correlator.states().size();
    }

    synchronized void usePlannedWork(PlannedWorkIndex index) {
        plannedWork = index;
        correlator.usePlannedWork(index);
    }

    private Correlator fresh() {
        Correlator c = new Correlator(new CorrelationRules(settings.symptomWindow(), settings.flapCount(),
                settings.flapWindow(), settings.flapQuiet(), settings.recurrence(), settings.suspectWindow()));
        c.useTopology(topology);
        c.usePlannedWork(plannedWork);
        return c;
    }
}
