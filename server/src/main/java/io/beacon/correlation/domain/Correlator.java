package io.beacon.correlation.domain;

import io.beacon.correlation.domain.AlarmState.Role;
import io.beacon.platform.domain.SystemText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Decides, for every problem alarm that would page someone and every clear, whether it opens an
 * incident, is a symptom of a root cause upstream in the CMDB, is explained by planned work, flaps,
 * or reopens a recently resolved incident, by asking named rules in a fixed order. The end state
 * does not depend on arrival order: a root cause that arrives after its dependants (within the
 * symptom window) absorbs their incidents.
 *
 * <p>A new alarm is asked, in order: {@link PlannedWorkRule}, {@link RootCauseRule},
 * {@link RecurrenceRule}, else {@link NewIncidentRule} (with {@link SuspectChangeRule}); an alarm
 * that got an incident then lets {@link LateRootCauseMergeRule} absorb its dependants, and
 * {@link FlappingRule} marks it when it flaps. A clear asks {@link FlappingRule}, else
 * {@link ResolutionRule}, then {@link RootCauseClearedRule}. A tick asks {@link PlannedWorkEndedRule}
 * and {@link FlappingRule}.
 *
 * <p>All state is in memory ({@link CorrelationMemory}) and every look-up (topology, planned work) is
 * an in-memory index, so a decision costs no query. Not thread-safe by design: the single ingest
 * writer calls it.
 */
public final class Correlator {
    private static final SystemText NO_REASON_YET = null;

    private final CorrelationRules rules;
    private final CorrelationMemory memory = new CorrelationMemory();
    private final PlannedWorkRule plannedWork = new PlannedWorkRule(memory);
    private final PlannedWorkEndedRule plannedWorkEnded = new PlannedWorkEndedRule(memory);
    private final RootCauseRule rootCause = new RootCauseRule(memory);
    private final RecurrenceRule recurrence;
    private final SuspectChangeRule suspectChange;
    private final NewIncidentRule newIncident = new NewIncidentRule();
    private final LateRootCauseMergeRule lateRootCause;
    private final FlappingRule flapping;
    private final ResolutionRule resolution = new ResolutionRule(memory);
    private final RootCauseClearedRule rootCauseCleared = new RootCauseClearedRule(memory);

    public Correlator(CorrelationRules rules) {
        this.rules = rules;
        this.recurrence = new RecurrenceRule(memory, rules);
        this.suspectChange = new SuspectChangeRule(memory, rules);
        this.lateRootCause = new LateRootCauseMergeRule(memory, rules);
        this.flapping = new FlappingRule(memory, rules);
    }

    public CorrelationRules rules() {
        return rules;
    }

    public void useTopology(UpstreamIndex index) {
        memory.upstream = index;
    }

    public void usePlannedWork(PlannedWorkIndex index) {
        memory.plannedWork = index;
    }

    /** A problem alarm is raised (new, or back after a clear). A repeat of an active alarm decides nothing. */
    public List<Decision> problem(AlarmSignal signal, Instant now) {
        TrackedAlarm known = memory.byKey(signal.reductionKey());
        if (known != null && known.active) {
            return List.of();
        }
        boolean flaps = flapping.raised(signal.reductionKey(), now);
        if (known != null) {
            return flapping.returned(known, signal.alarmId()).stream().toList();
        }
        TrackedAlarm alarm = memory.track(signal, now);
        List<Decision> out = new ArrayList<>(decide(alarm, now, NO_REASON_YET, null));
        flapping.markIfFlapping(alarm, flaps).ifPresent(out::add);
        return out;
    }

    /** The problem behind {@code reductionKey} cleared. */
    public List<Decision> clear(String reductionKey, Instant now) {
        TrackedAlarm alarm = memory.byKey(reductionKey);
        if (alarm == null || !alarm.active) {
            return List.of();
        }
        memory.deactivate(alarm, now);
        if (alarm.role != Role.INCIDENT) {
            memory.forget(alarm);
            return List.of();
        }
        List<Decision> out = new ArrayList<>();
        if (!flapping.keepsOpen(alarm, now)) {
            resolution.cleared(alarm, now).ifPresent(out::add);
        }
        for (TrackedAlarm symptom : rootCauseCleared.release(alarm)) {
            out.addAll(decide(symptom, now, RootCauseClearedRule.because(alarm), null));
        }
        return out;
    }

    /**
     * Time passes: planned work that ended leaves its still-active alarms to be decided again, and
     * flapping alarms that stayed quiet long enough have their incidents resolved.
     */
    public List<Decision> tick(Instant now) {
        List<Decision> out = new ArrayList<>();
        for (PlannedWorkEndedRule.Outlived o : plannedWorkEnded.release(now)) {
            out.addAll(decide(o.alarm(), now, o.because(), o.failedChange()));
        }
        out.addAll(flapping.quietened(now));
        memory.forgetBefore(now.minus(rules.flapWindow()), now.minus(rules.recurrence()));
        return out;
    }

    /** Someone resolved the alarm's incident by hand: a return of the problem soon after reopens it. */
    public void incidentResolved(String reductionKey, Instant at) {
        resolution.resolvedByHand(reductionKey, at);
    }

    /**
     * The alarm is on {@code ciId} from now on (it was attributed again, e.g. when a CI claimed the
     * address it came from): later alarms find it there as their root cause, or as a dependant to
     * absorb. Its own role is not decided again. Unknown alarms are ignored.
     */
    public void reattributed(long alarmId, long ciId) {
        TrackedAlarm alarm = memory.byAlarmId(alarmId);
        if (alarm != null) {
            memory.moveTo(alarm, ciId);
        }
    }

    /**
     * As {@link #reattributed(long, long)}, when the move also gave the alarm a new reduction key and
     * label (an alarm keyed by its address re-keyed to its CI's form): it is remembered under the new
     * key, with everything it was, and its raises and resolution count for the new key.
     */
    public void reattribute(long alarmId, String reductionKey, long ciId, String label) {
        TrackedAlarm alarm = memory.byAlarmId(alarmId);
        if (alarm != null) {
            memory.moveTo(alarm, reductionKey, ciId, label);
        }
    }

    /** Restores what was remembered before a restart (from the stored alarms). */
    public void restore(Collection<AlarmState> states) {
        for (AlarmState s : states) {
            TrackedAlarm t = new TrackedAlarm(new AlarmSignal(s.alarmId(), s.reductionKey(), s.ciId(), s.label()),
                    s.raisedAt());
            t.active = s.active();
            t.role = s.role();
            t.rootAlarmId = s.rootAlarmId();
            t.incidentOpen = s.incidentOpen();
            t.flapping = s.flapping();
            t.clearedAt = s.clearedAt();
            t.work = s.workRef() == null ? null : memory.plannedWork.byRef(s.workRef()).orElse(null);
            if (t.role == Role.SUPPRESSED && t.work == null && t.active) {
                t.role = Role.INCIDENT; // its window is gone: the next tick must not wait for it forever
            }
            memory.restore(t);
        }
    }

    /** What correlation remembers now, one entry per reduction key. */
    public List<AlarmState> states() {
        return memory.tracked().stream().map(TrackedAlarm::state).toList();
    }

    public Optional<AlarmState> state(String reductionKey) {
        return Optional.ofNullable(memory.byKey(reductionKey)).map(TrackedAlarm::state);
    }

    /**
     * The rules a raised (or released) alarm is asked, in order; the first that explains it decides.
     *
     * @param because        what the reason follows from when the alarm is decided again, or null
     * @param outlivedChange the change whose window the alarm outlived; planned work is then not asked
     */
    private List<Decision> decide(TrackedAlarm alarm, Instant now, SystemText because, String outlivedChange) {
        if (outlivedChange == null) {
            Optional<Decision> suppressed = plannedWork.suppress(alarm, now, because);
            if (suppressed.isPresent()) {
                return List.of(suppressed.get());
            }
        }
        Optional<Decision> symptom = rootCause.attach(alarm, because);
        if (symptom.isPresent()) {
            return List.of(symptom.get());
        }
        alarm.role = Role.INCIDENT;
        alarm.incidentOpen = true;
        List<Decision> out = new ArrayList<>();
        out.add(recurrence.reopen(alarm, now, because).orElseGet(() -> newIncident.open(alarm, because,
                outlivedChange, suspectChange.suspectFor(alarm, now))));
        out.addAll(lateRootCause.absorbDependants(alarm, now));
        return out;
    }
}
