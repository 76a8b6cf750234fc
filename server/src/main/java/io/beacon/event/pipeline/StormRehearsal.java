package io.beacon.event.pipeline;

import io.beacon.event.EventSettings;
import io.beacon.event.alarm.application.AlarmService;
import io.beacon.event.alarm.application.BatchResult;
import io.beacon.event.alarm.application.EventBatchWriter;
import io.beacon.event.alarm.domain.AlarmFilter;
import io.beacon.event.alarm.domain.AlarmStatus;
import io.beacon.event.domain.EventKind;
import io.beacon.event.domain.EventSource;
import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.domain.Severity;
import io.beacon.event.incident.application.IncidentDesk;
import io.beacon.event.ingest.application.Attributor;
import io.beacon.platform.cluster.Leadership;
import io.beacon.platform.domain.PageRequest;
import io.beacon.platform.startup.Rehearsals;
import io.beacon.platform.startup.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Before Beacon reports ready, the pipeline rehearses an alarm storm inside transactions that are
 * rolled back: new alarms, their incidents opened, repeats folding into the alarms, then clears
 * resolving the incidents, as devices send when the network goes down and comes back (the first
 * alarm alone, as the idle writer takes it), and the alarm list read as a console first reads it. The first real
 * storm after a restart then meets loaded classes, parsed queries and compiled code instead of an
 * interpreter (cold, the writer's first batches and the first incidents took several times as long
 * as warm ones, and every alarm of the storm waited behind them). Nothing of the rehearsal stays: no
 * alarm, event or incident, no ticket number (reserved inside the rehearsal, see {@link Rehearsals}),
 * no process start or mail (both follow a commit), nothing in correlation's memory (re-read from the
 * stored alarms afterwards); only unused row ids are skipped. The incident stage is rehearsed on a
 * single node only: among core nodes it is the lease holder's, and its writes are fenced.
 */
@ApplicationScoped
public class StormRehearsal {
    private static final Logger LOG = Logger.getLogger(StormRehearsal.class.getName());
    /** Distinct rehearsal devices: the storm's new alarms, each then repeated. */
    static final int DEVICES = 200;
    /** Rounds that take the incident stage along: compiling it needs a few hundred incidents; more only lengthen the start. */
    static final int INCIDENT_ROUNDS = 2;

    @Inject
    EventSettings settings;

    @Inject
    Attributor attribution;

    @Inject
    EventBatchWriter writer;

    @Inject
    IncidentDesk incidents;

    @Inject
    AlarmService alarmReads;

    @Inject
    Leadership leadership;

    @Inject
    Rehearsals rehearsals;

    @Resource
    UserTransaction transaction;

    /** Before the pipeline starts taking events ({@code InProcessEventQueue} starts at 200). */
    void rehearse(@Observes @Priority(190) StartupEvent started) {
        if (settings.rehearsalEvents() > 0) {
            run();
        }
    }

    /** What one rehearsal went through (and rolled back). */
    public record Rehearsed(int events, int incidents, long millis) {}

    /**
     * Rehearses a storm of {@code BEACON_EVENTS_REHEARSAL_EVENTS} events; a failure only leaves the
     * first storm slower, never a reason not to start (logged, answered as what was rehearsed).
     */
    public Rehearsed run() {
        int total = settings.rehearsalEvents();
        long began = System.nanoTime();
        boolean withIncidents = !leadership.shared();
        int batch = Math.min(settings.batchSize(), Math.max(DEVICES, total / 3));
        int written = 0;
        int incidentRounds = 0;
        boolean correlated = false; // even a round that failed half-way may have taught correlation something
        try {
            for (int round = 0; written < total; round++) {
                // A round: the first batch raises the alarms, the next ones fold repeats into them, the last clears them.
                transaction.begin();
                try {
                    rehearsals.markCurrentTransaction();
                    boolean incidentsToo = withIncidents && round < INCIDENT_ROUNDS;
                    correlated |= incidentsToo;
                    if (incidentsToo) {
                        // As a real storm begins: the idle writer takes its first event alone, and that alarm's
                        // incident is opened on its own (another path than a chunk's; cold, it took 0.27 s).
                        incidents.rehearse(writer.write(attribution.attribute(storm(round, 1, EventKind.PROBLEM))));
                        written++;
                    }
                    for (int b = 0; b < 3 && written < total; b++) {
                        int n = Math.min(batch, total - written);
                        BatchResult result = writer.write(attribution.attribute(storm(round, n, EventKind.PROBLEM)));
                        if (incidentsToo) {
                            incidents.rehearse(result);
                        }
                        written += n;
                    }
                    if (round == 0) {
                        readAsAConsoleWould();
                    }
                    if (incidentsToo) {
                        incidents.rehearse(writer.write(attribution.attribute(storm(round, DEVICES, EventKind.CLEAR))));
                        incidentRounds++;
                    }
                } finally {
                    transaction.rollback();
                }
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "The event pipeline's rehearsal failed; the first storm meets a cold pipeline", e);
        } finally {
            if (correlated) {
                incidents.forgetRehearsal();
            }
        }
        Rehearsed done = new Rehearsed(written, incidentRounds * DEVICES, (System.nanoTime() - began) / 1_000_000);
        LOG.info("The event pipeline rehearsed a storm of " + done.events() + " events and " + done.incidents()
                + " incidents (rolled back) in " + done.millis() + " ms");
        return done;
    }

    /**
     * The reads a console makes first, over the rehearsal's alarms: the alarm page's list and its
     * counts, and a search. During the first cold storm the first such list took 3.2-4.8 s, its
     * queries parsed, translated and compiled while the storm took the cores.
     */
    private void readAsAConsoleWould() {
        alarmReads.list(new AlarmFilter(Set.of(AlarmStatus.ACTIVE), null, null, null, null, null), "-lastSeen",
                PageRequest.of(0, 200));
        alarmReads.list(new AlarmFilter(null, null, null, null, "linkDown", null), null, PageRequest.of(0, 200));
        alarmReads.activeBySeverity();
    }

    /**
     * Trap-like events from documentation addresses (RFC 5737), which no CI of a real network claims;
     * critical, so that they open incidents whatever severity pages.
     */
    static List<NormalisedEvent> storm(int round, int n, EventKind kind) {
        Instant now = Instant.now();
        List<NormalisedEvent> events = new ArrayList<>(n);
        boolean clear = kind == EventKind.CLEAR;
        for (int i = 0; i < n; i++) {
            String device = "198.51.100." + (i % DEVICES);
            events.add(NormalisedEvent.unattributed(now, EventSource.SNMP, kind, clear ? "linkUp" : "linkDown",
                    clear ? Severity.CLEARED : Severity.CRITICAL, "rehearsal:linkDown:" + NormalisedEvent.WHERE + ":" + round,
                    null, device, "Interface 3 " + (clear ? "up" : "down") + " on " + NormalisedEvent.WHERE,
                    Map.of("ifIndex", "3", "ifDescr", "ge-0/0/3", "sequence", String.valueOf(i)), List.of()));
        }
        return events;
    }
}
