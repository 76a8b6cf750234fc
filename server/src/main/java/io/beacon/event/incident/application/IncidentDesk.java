package io.beacon.event.incident.application;
import io.beacon.event.alarm.application.BatchResult;
import io.beacon.event.ingest.application.IngestMetrics;

import io.beacon.correlation.application.CorrelationIndexes;
import io.beacon.correlation.domain.Decision;
import io.beacon.correlation.CorrelationSettings;
import io.beacon.platform.cluster.Duty;
import io.beacon.platform.cluster.Leadership;
import io.beacon.platform.cluster.LeadershipLostException;
import io.beacon.platform.domain.LockConflicts;
import io.beacon.platform.live.LiveUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The incident stage of the event pipeline: runs on the pipeline's thread, after each committed
 * batch, so that the alarm rows it changes (incident links, suppressions, symptoms, flapping,
 * changes) have one writer. All correlation happens on that one thread (batches, commands and the
 * periodic tick alike), so its decisions are carried out in the order they were taken. The
 * incidents of a burst are opened a chunk per transaction: few commits, and the first incidents
 * are visible while the rest are still being opened; one failing alarm does not hold back the
 * others (its events are committed already; the sweep at start retries alarms that a crash left
 * without their incident). Among core nodes only the holder of the correlation lease runs this
 * stage ({@link #correlates()}); its writes are fenced with the lease's epoch, so that a node
 * that lost the lease unnoticed cannot open an incident that its successor opens as well.
 */
@ApplicationScoped
public class IncidentDesk {
    private static final Logger LOG = Logger.getLogger(IncidentDesk.class.getName());
    static final String ALARM_TOPIC = "alarm";
    static final int LIVE_UPDATES_PER_BATCH = 50;
    /** Alarms whose incidents are opened (or resolved) in one transaction. */
    static final int ALARMS_PER_TRANSACTION = 100;
    /** How often decisions are carried out when their transaction keeps losing lock conflicts. */
    static final int ATTEMPTS_ON_LOCK_CONFLICT = 3;

    @Inject
    IncidentActions actions;

    @Inject
    IngestMetrics metrics;

    @Inject
    CorrelationIndexes indexes;

    @Inject
    Event<LiveUpdate> live;

    @Inject
    CorrelationSettings correlationSettings;

    @Inject
    Leadership leadership;

    /** How often the correlating core node looks for alarms other nodes raised or cleared. */
    static final long CATCH_UP_MILLIS = 1000;

    private long nextTick;
    private long nextCatchUp;
    private long term;
    private long nextPlannedWorkRefresh;

    /**
     * Whether this node correlates now (always on a single node). At the start of a term (the first
     * call on a single node, a takeover among core nodes) it first takes over correlation's memory
     * from the stored alarms and decides about those left without an incident ({@link #sweep()}).
     */
    public boolean correlates() {
        long now = leadership.term(Duty.CORRELATION);
        if (now != term) {
            term = now;
            if (now != 0) {
                LOG.info("This node correlates (term " + now + ")");
                sweep();
            }
        }
        return now != 0;
    }

    /** The incidents of what a committed batch raised or cleared (and the consoles told). */
    public void handle(BatchResult result, Map<String, Long> firstSeenNanos) {
        if (result.raised().isEmpty() && result.cleared().isEmpty()) {
            return; // a flood of repeats of alarms that have their incidents costs nothing here
        }
        announce(result);
        decideCaught(result, firstSeenNanos);
    }

    private void decideCaught(BatchResult result, Map<String, Long> firstSeenNanos) {
        try {
            decide(result, firstSeenNanos);
        } catch (LeadershipLostException lost) {
            LOG.warning(lost.getMessage() + "; its successor decides about these alarms");
        }
    }

    private void decide(BatchResult result, Map<String, Long> firstSeenNanos) {
        for (List<BatchResult.AlarmRef> chunk : chunks(result.raised())) {
            Set<Long> opened = carryOutTogether(actions.decideRaised(ids(chunk)));
            long now = System.nanoTime();
            for (BatchResult.AlarmRef ref : chunk) {
                Long since = firstSeenNanos.get(ref.reductionKey());
                if (since != null && opened.contains(ref.alarmId())) {
                    metrics.incidentLatency(now - since);
                }
            }
        }
        for (List<BatchResult.AlarmRef> chunk : chunks(result.cleared())) {
            carryOutTogether(actions.decideCleared(ids(chunk)));
        }
    }

    /**
     * The decisions about a chunk of alarms in one transaction: a storm's incidents cost a few
     * commits, not one each. Should that fail (one alarm that cannot be handled: with one writer
     * it is never a race), alarm by alarm, so that one bad alarm never holds back the others.
     */
    private Set<Long> carryOutTogether(Map<Long, List<Decision>> decided) {
        List<Decision> all = decided.values().stream().flatMap(List::stream).toList();
        if (all.isEmpty()) {
            return Set.of();
        }
        if (decided.size() > 1) {
            try {
                return new HashSet<>(actions.carryOut(all));
            } catch (LeadershipLostException lost) {
                throw lost;
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Carrying out " + decided.size() + " alarms' decisions together failed; one by one", e);
            }
        }
        Set<Long> opened = new HashSet<>();
        for (List<Decision> one : decided.values()) {
            opened.addAll(carryOut(one));
        }
        return opened;
    }

    private static List<List<BatchResult.AlarmRef>> chunks(List<BatchResult.AlarmRef> refs) {
        List<List<BatchResult.AlarmRef>> out = new ArrayList<>();
        for (int i = 0; i < refs.size(); i += ALARMS_PER_TRANSACTION) {
            out.add(refs.subList(i, Math.min(refs.size(), i + ALARMS_PER_TRANSACTION)));
        }
        return out;
    }

    private static List<Long> ids(List<BatchResult.AlarmRef> refs) {
        return refs.stream().map(BatchResult.AlarmRef::alarmId).toList();
    }

    /**
     * The incident stage over a batch of the pipeline's rehearsal (inside its rolled-back transaction): the
     * same decisions and actions, a chunk at a time, but no console told, no latency recorded, and a
     * failure thrown (the rehearsal gives up; nothing real waits on it).
     */
    public void rehearse(BatchResult result) {
        for (List<BatchResult.AlarmRef> chunk : chunks(result.raised())) {
            carryOutRehearsed(actions.decideRaised(ids(chunk)));
        }
        for (List<BatchResult.AlarmRef> chunk : chunks(result.cleared())) {
            carryOutRehearsed(actions.decideCleared(ids(chunk)));
        }
    }

    private void carryOutRehearsed(Map<Long, List<Decision>> decided) {
        List<Decision> all = decided.values().stream().flatMap(List::stream).toList();
        if (!all.isEmpty()) {
            actions.carryOut(all);
        }
    }

    /** After a rehearsal: correlation forgets its alarms, knowing again only the stored ones. */
    public void forgetRehearsal() {
        restore();
    }

    /**
     * Tells open consoles which alarms were raised or cleared (the batch is committed). A storm is
     * one update, not thousands: the console reloads its list either way.
     */
    public void announce(BatchResult result) {
        int changed = result.raised().size() + result.cleared().size();
        if (changed > LIVE_UPDATES_PER_BATCH) {
            live.fire(new LiveUpdate(ALARM_TOPIC, "changed", "*", changed + " alarms"));
            return;
        }
        result.raised().forEach(a -> live.fire(new LiveUpdate(ALARM_TOPIC, "raised", String.valueOf(a.alarmId()),
                a.reductionKey())));
        result.cleared().forEach(a -> live.fire(new LiveUpdate(ALARM_TOPIC, "cleared", String.valueOf(a.alarmId()),
                a.reductionKey())));
    }

    /**
     * Among core nodes, at most every {@value #CATCH_UP_MILLIS} ms: the alarms other nodes raised or
     * cleared (marked in their writers' transactions) are decided about as if this node had written
     * them, then unmarked. A crash between the two decides about them again (opening an incident
     * looks whether the alarm has one first), never not at all.
     */
    public void catchUpIfDue() {
        long now = System.nanoTime();
        if (!leadership.shared() || now - nextCatchUp < 0) {
            return;
        }
        nextCatchUp = now + TimeUnit.MILLISECONDS.toNanos(CATCH_UP_MILLIS);
        try {
            IncidentActions.Waiting waiting = actions.awaitingCorrelation(ALARMS_PER_TRANSACTION * 10);
            if (!waiting.isEmpty()) {
                decideCaught(waiting.result(), Map.of());
                actions.correlationDone(waiting.marks());
            }
        } catch (LeadershipLostException lost) {
            LOG.warning(lost.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not decide about the alarms other nodes raised or cleared; trying again", e);
        }
    }

    /** Time-driven correlation, when due: ended windows, quiet flapping alarms, changed planned work. */
    public void tickIfDue() {
        long now = System.nanoTime();
        if (now < nextTick) {
            return;
        }
        nextTick = now + TimeUnit.SECONDS.toNanos(correlationSettings.tickSeconds());
        try {
            tick(now >= nextPlannedWorkRefresh);
        } catch (LeadershipLostException lost) {
            LOG.warning(lost.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Correlation's periodic work failed; trying again at the next tick", e);
        }
    }

    /**
     * Correlation's periodic work now, due or not, with planned work re-read (the clock may have
     * jumped); a failure is thrown. The in-container scenario driver steps a controlled clock with it
     * (through {@code InProcessEventQueue.whenCaughtUp}).
     */
    public void tickNow() {
        tick(true);
    }

    private void tick(boolean rereadPlannedWork) {
        if (rereadPlannedWork) {
            indexes.refreshPlannedWork();
            nextPlannedWorkRefresh = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        }
        carryOut(actions.decideTick());
    }

    /**
     * Nothing else writes alarm rows, so a failure is real and trying again would fail again, with one
     * exception: the tickets the decisions open, merge or resolve are written by others too (process
     * starts, SLA clocks, agents), and a lost lock conflict there (a deadlock victim, on MariaDB) passes
     * when run again. Otherwise correlation re-reads what the database holds, so that its memory never
     * runs ahead of the stored alarms.
     */
    private List<Long> carryOut(List<Decision> decisions) {
        if (decisions.isEmpty()) {
            return List.of();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return actions.carryOut(decisions);
            } catch (LeadershipLostException lost) {
                throw lost;
            } catch (RuntimeException e) {
                if (attempt < ATTEMPTS_ON_LOCK_CONFLICT && LockConflicts.lost(e)) {
                    LOG.log(Level.FINE, "Carrying out " + decisions + " lost a lock conflict; again", e);
                    continue;
                }
                LOG.log(Level.WARNING, "Could not carry out " + decisions + "; correlation re-reads the stored alarms", e);
                restore();
                return List.of();
            }
        }
    }

    private void restore() {
        try {
            LOG.info("Correlation remembers " + actions.restoreCorrelation() + " alarms");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Correlation could not re-read the stored alarms", e);
        }
    }

    /**
     * At the start of a term: load the planned work, give correlation back its memory, then decide
     * about the alarms that a crash left without their incident or verdict.
     */
    public void sweep() {
        try {
            indexes.refreshPlannedWork();
            nextPlannedWorkRefresh = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            restore();
            List<Long> pending = actions.alarmsWantingIncidents();
            if (!pending.isEmpty()) {
                LOG.info(pending.size() + " active alarms have no incident yet; deciding about them");
                handle(new BatchResult(0, 0, pending.stream().map(id -> new BatchResult.AlarmRef(id, "")).toList(),
                        List.of()), Map.of());
            }
        } catch (LeadershipLostException lost) {
            LOG.warning(lost.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The incident sweep failed", e);
        }
    }
}
