package io.beacon.correlation.domain;

import io.beacon.correlation.domain.AlarmState.Role;
import io.beacon.correlation.domain.Decision.AttachSymptom;
import io.beacon.correlation.domain.Decision.MarkFlapping;
import io.beacon.correlation.domain.Decision.MergeIncident;
import io.beacon.correlation.domain.Decision.OpenIncident;
import io.beacon.correlation.domain.Decision.ReopenIncident;
import io.beacon.correlation.domain.Decision.ResolveIncident;
import io.beacon.correlation.domain.Decision.Suppress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, for every problem alarm that would page someone and every clear, whether it opens an
 * incident, is a symptom of a root cause upstream in the CMDB, is explained by planned work, flaps,
 * or reopens a recently resolved incident. The end state does not depend on arrival order: a root
 * cause that arrives after its dependants (within the symptom window) absorbs their incidents.
 *
 * <p>All state is in memory and every look-up (topology, planned work) is an in-memory index, so a
 * decision costs no query. Not thread-safe by design: the single ingest writer calls it.
 */
public final class Correlator {
    private final CorrelationRules rules;
    private UpstreamIndex upstream = UpstreamIndex.empty();
    private PlannedWorkIndex plannedWork = PlannedWorkIndex.empty();

    /** Active alarms, and cleared ones whose incident a flap keeps open, by reduction key. */
    private final Map<String, Tracked> byKey = new LinkedHashMap<>();
    private final Map<Long, Tracked> byAlarm = new HashMap<>();
    private final Map<Long, List<Tracked>> activeByCi = new HashMap<>();
    /** Recent raises per reduction key, for flapping. */
    private final Map<String, Deque<Instant>> raises = new HashMap<>();
    /** When the incident of a reduction key was last resolved, for recurrence. */
    private final Map<String, Instant> resolvedAt = new HashMap<>();

    public Correlator(CorrelationRules rules) {
        this.rules = rules;
    }

    public CorrelationRules rules() {
        return rules;
    }

    public void useTopology(UpstreamIndex index) {
        this.upstream = index;
    }

    public void usePlannedWork(PlannedWorkIndex index) {
        this.plannedWork = index;
    }

    /** A problem alarm is raised (new, or back after a clear). A repeat of an active alarm decides nothing. */
    public List<Decision> problem(AlarmSignal signal, Instant now) {
        Tracked t = byKey.get(signal.reductionKey());
        if (t != null && t.active) {
            return List.of();
        }
        boolean flapping = recordRaise(signal.reductionKey(), now);
        List<Decision> out = new ArrayList<>();
        if (t != null) {
            // Cleared, but a flap kept its incident open: the same incident goes on.
            byAlarm.remove(t.alarmId);
            t.alarmId = signal.alarmId();
            byAlarm.put(t.alarmId, t);
            t.active = true;
            t.clearedAt = null;
            index(t);
            if (!t.flapping) {
                t.flapping = true;
                out.add(new MarkFlapping(t.alarmId, flapReason(t.label)));
            }
            return out;
        }
        t = new Tracked(signal, now);
        track(t);
        index(t);
        out.addAll(evaluate(t, now, ""));
        if (flapping && t.role == Role.INCIDENT) {
            t.flapping = true;
            out.add(new MarkFlapping(t.alarmId, flapReason(t.label)));
        }
        return out;
    }

    /** The problem behind {@code reductionKey} cleared. */
    public List<Decision> clear(String reductionKey, Instant now) {
        Tracked t = byKey.get(reductionKey);
        if (t == null || !t.active) {
            return List.of();
        }
        t.active = false;
        t.clearedAt = now;
        unindex(t);
        if (t.role != Role.INCIDENT) {
            forget(t);
            return List.of();
        }
        List<Decision> out = new ArrayList<>();
        if (t.incidentOpen && (t.flapping || flapsAt(reductionKey, now))) {
            t.flapping = true;
            // Its incident stays open until the alarm has been quiet for flapQuiet (see tick).
        } else {
            if (t.incidentOpen) {
                out.add(new ResolveIncident(t.alarmId, t.label + " cleared"));
                resolvedAt.put(reductionKey, now);
            }
            forget(t);
        }
        out.addAll(reevaluateSymptomsOf(t, now));
        return out;
    }

    /**
     * Time passes: planned work that ended leaves its still-active alarms to become incidents, and
     * flapping alarms that stayed quiet long enough have their incidents resolved.
     */
    public List<Decision> tick(Instant now) {
        List<Decision> out = new ArrayList<>();
        // Upstream first, so that a CI still down after the work is the root of those behind it.
        List<Tracked> outlived = byKey.values().stream()
                .filter(t -> t.active && t.role == Role.SUPPRESSED && t.work != null && !now.isBefore(t.work.end()))
                .sorted(upstreamFirst()).toList();
        for (Tracked t : outlived) {
            PlannedWork ended = t.work;
            t.work = null;
            t.role = null;
            String because = "still active when " + describe(ended) + " ended at " + ended.end() + ": ";
            out.addAll(evaluate(t, now, because, ended.kind() == PlannedWork.Kind.CHANGE ? ended.ref() : null));
        }
        for (Tracked t : List.copyOf(byKey.values())) {
            if (!t.active && t.flapping && !now.isBefore(t.clearedAt.plus(rules.flapQuiet()))) {
                out.add(new ResolveIncident(t.alarmId, t.label + " has been quiet for "
                        + minutes(rules.flapQuiet()) + " after flapping"));
                resolvedAt.put(t.key, now);
                forget(t);
            }
        }
        forgetOld(now);
        return out;
    }

    private Comparator<Tracked> upstreamFirst() {
        return Comparator.comparingInt((Tracked t) -> t.ciId == null ? 0 : upstream.of(t.ciId).size());
    }

    /** Someone resolved the alarm's incident by hand: a return of the problem soon after reopens it. */
    public void incidentResolved(String reductionKey, Instant at) {
        Tracked t = byKey.get(reductionKey);
        if (t != null && !t.active) {
            forget(t);
        } else if (t != null) {
            t.incidentOpen = false;
        }
        resolvedAt.put(reductionKey, at);
    }

    /** An alarm it remembers moved onto a CI (perhaps under a new key): it is remembered there, with what it was. */
    public void reattribute(long alarmId, String reductionKey, long ciId, String label) {
        Tracked old = byAlarm.get(alarmId);
        if (old == null) {
            return;
        }
        forget(old);
        if (old.active) {
            unindex(old);
        }
        Tracked t = new Tracked(new AlarmSignal(alarmId, reductionKey, ciId, label), old.raisedAt);
        t.active = old.active;
        t.role = old.role;
        t.rootAlarmId = old.rootAlarmId;
        t.work = old.work;
        t.incidentOpen = old.incidentOpen;
        t.flapping = old.flapping;
        t.clearedAt = old.clearedAt;
        track(t);
        if (t.active) {
            index(t);
        }
        if (!old.key.equals(reductionKey)) {
            Deque<Instant> times = raises.remove(old.key);
            if (times != null) {
                raises.put(reductionKey, times);
            }
            Instant resolved = resolvedAt.remove(old.key);
            if (resolved != null) {
                resolvedAt.put(reductionKey, resolved);
            }
        }
    }

    /** Restores what was remembered before a restart (from the stored alarms). */
    public void restore(Collection<AlarmState> states) {
        for (AlarmState s : states) {
            Tracked t = new Tracked(new AlarmSignal(s.alarmId(), s.reductionKey(), s.ciId(), s.label()), s.raisedAt());
            t.active = s.active();
            t.role = s.role();
            t.rootAlarmId = s.rootAlarmId();
            t.incidentOpen = s.incidentOpen();
            t.flapping = s.flapping();
            t.clearedAt = s.clearedAt();
            t.work = s.workRef() == null ? null : plannedWork.byRef(s.workRef()).orElse(null);
            if (t.role == Role.SUPPRESSED && t.work == null && t.active) {
                t.role = Role.INCIDENT; // its window is gone: the next tick must not wait for it forever
            }
            track(t);
            if (t.active) {
                index(t);
            }
        }
    }

    /** What correlation remembers now, one entry per reduction key. */
    public List<AlarmState> states() {
        return byKey.values().stream().map(Tracked::state).toList();
    }

    public Optional<AlarmState> state(String reductionKey) {
        return Optional.ofNullable(byKey.get(reductionKey)).map(Tracked::state);
    }

    private List<Decision> evaluate(Tracked t, Instant now, String because) {
        return evaluate(t, now, because, null);
    }

    private List<Decision> evaluate(Tracked t, Instant now, String because, String outlivedChange) {
        Set<Long> scope = t.ciId == null ? Set.of() : upstream.selfAndUpstream(t.ciId);
        if (outlivedChange == null) {
            Optional<PlannedWork> work = plannedWork.covering(scope, now);
            if (work.isPresent()) {
                PlannedWork w = work.get();
                t.role = Role.SUPPRESSED;
                t.work = w;
                String where = w.ciIds().contains(t.ciId) ? "" : " on a CI it depends on";
                return List.of(new Suppress(t.alarmId, new Suppression(w.suppressionKind(), w.ref(),
                        because + t.label + " falls inside " + describe(w) + where + " (until " + w.end() + ")")));
            }
        }
        Optional<Tracked> root = rootFor(t);
        if (root.isPresent()) {
            Tracked r = root.get();
            t.role = Role.SYMPTOM;
            t.rootAlarmId = r.alarmId;
            return List.of(new AttachSymptom(t.alarmId, r.alarmId,
                    because + t.label + " is behind " + r.label + " (alarm " + r.alarmId + "), the root cause"));
        }
        List<Decision> out = new ArrayList<>();
        t.role = Role.INCIDENT;
        t.incidentOpen = true;
        Instant resolved = resolvedAt.get(t.key);
        if (resolved != null && !now.isAfter(resolved.plus(rules.recurrence()))) {
            out.add(new ReopenIncident(t.alarmId, because + t.label + " returned "
                    + minutes(Duration.between(resolved, now)) + " after its incident was resolved"));
        } else {
            String suspect = plannedWork.changeEndedBefore(scope, now, rules.suspectWindow())
                    .map(PlannedWork::ref).orElse(null);
            String reason = because + t.label;
            if (outlivedChange != null) {
                reason += " outlived the window of " + outlivedChange + ", which may have failed";
            } else if (suspect != null) {
                reason += "; suspected cause: " + suspect + ", which ended shortly before";
            }
            out.add(new OpenIncident(t.alarmId, outlivedChange, suspect, reason));
        }
        out.addAll(absorbDependants(t, now));
        return out;
    }

    /** The topmost active alarm on a CI that {@code t}'s CI depends on. */
    private Optional<Tracked> rootFor(Tracked t) {
        if (t.ciId == null) {
            return Optional.empty();
        }
        Tracked best = null;
        for (Long ci : upstream.of(t.ciId)) {
            for (Tracked candidate : activeByCi.getOrDefault(ci, List.of())) {
                Tracked top = topOf(candidate);
                if (top != null && top != t && (best == null || top.raisedAt.isBefore(best.raisedAt))) {
                    best = top;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private Tracked topOf(Tracked candidate) {
        Tracked top = candidate;
        for (int guard = 0; top != null && top.role == Role.SYMPTOM && guard < 64; guard++) {
            top = byAlarmId(top.rootAlarmId);
        }
        return top != null && top.active && top.role == Role.INCIDENT ? top : null;
    }

    /** A root cause arrived after its dependants: their recent incidents move into its incident. */
    private List<Decision> absorbDependants(Tracked root, Instant now) {
        if (root.ciId == null) {
            return List.of();
        }
        List<Decision> out = new ArrayList<>();
        Instant since = now.minus(rules.symptomWindow());
        List<Tracked> candidates = new ArrayList<>();
        for (Long ci : upstream.dependantsOf(root.ciId)) {
            candidates.addAll(activeByCi.getOrDefault(ci, List.of()));
        }
        for (Tracked d : candidates) {
            if (d.role == Role.INCIDENT && !d.raisedAt.isBefore(since)) {
                d.role = Role.SYMPTOM;
                d.rootAlarmId = root.alarmId;
                d.incidentOpen = false;
                out.add(new MergeIncident(d.alarmId, root.alarmId, d.label + " is behind " + root.label
                        + " (alarm " + root.alarmId + "), which arrived " + seconds(Duration.between(d.raisedAt, now))
                        + " later: its incident is merged into the root cause's"));
                for (Tracked s : candidates) {
                    if (s.role == Role.SYMPTOM && Long.valueOf(d.alarmId).equals(s.rootAlarmId)) {
                        s.rootAlarmId = root.alarmId;
                        out.add(new AttachSymptom(s.alarmId, root.alarmId, s.label + " is behind " + root.label
                                + " (alarm " + root.alarmId + "), the root cause of " + d.label));
                    }
                }
            }
        }
        return out;
    }

    /** The root cleared: its still-active symptoms may be incidents of their own now, upstream ones first. */
    private List<Decision> reevaluateSymptomsOf(Tracked root, Instant now) {
        if (root.ciId == null) {
            return List.of();
        }
        List<Tracked> symptoms = new ArrayList<>();
        for (Long ci : upstream.dependantsOf(root.ciId)) {
            for (Tracked s : activeByCi.getOrDefault(ci, List.of())) {
                if (s.role == Role.SYMPTOM && Long.valueOf(root.alarmId).equals(s.rootAlarmId)) {
                    symptoms.add(s);
                }
            }
        }
        symptoms.sort(upstreamFirst());
        List<Decision> out = new ArrayList<>();
        for (Tracked s : symptoms) {
            s.role = null;
            s.rootAlarmId = null;
            out.addAll(evaluate(s, now, "root cause " + root.label + " cleared: "));
        }
        return out;
    }

    /** Remembers a raise; true when the key now flaps. */
    private boolean recordRaise(String key, Instant now) {
        Deque<Instant> times = raises.computeIfAbsent(key, k -> new ArrayDeque<>());
        times.addLast(now);
        return flapsAt(key, now);
    }

    private boolean flapsAt(String key, Instant now) {
        Deque<Instant> times = raises.get(key);
        if (times == null) {
            return false;
        }
        Instant since = now.minus(rules.flapWindow());
        while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
            times.removeFirst();
        }
        return times.size() > rules.flapTransitions();
    }

    private String flapReason(String label) {
        return label + " is flapping (raised more than " + rules.flapTransitions() + " times within "
                + minutes(rules.flapWindow()) + "): its incident stays open until it has been quiet for "
                + minutes(rules.flapQuiet());
    }

    private void forgetOld(Instant now) {
        Instant raiseHorizon = now.minus(rules.flapWindow());
        raises.values().removeIf(times -> times.isEmpty() || times.peekLast().isBefore(raiseHorizon));
        Instant resolvedHorizon = now.minus(rules.recurrence());
        resolvedAt.values().removeIf(at -> at.isBefore(resolvedHorizon));
    }

    private Tracked byAlarmId(Long alarmId) {
        return alarmId == null ? null : byAlarm.get(alarmId);
    }

    private void track(Tracked t) {
        byKey.put(t.key, t);
        byAlarm.put(t.alarmId, t);
    }

    private void forget(Tracked t) {
        byKey.remove(t.key);
        byAlarm.remove(t.alarmId);
    }

    private void index(Tracked t) {
        if (t.ciId != null) {
            activeByCi.computeIfAbsent(t.ciId, k -> new ArrayList<>()).add(t);
        }
    }

    private void unindex(Tracked t) {
        if (t.ciId != null) {
            List<Tracked> list = activeByCi.get(t.ciId);
            if (list != null) {
                list.remove(t);
                if (list.isEmpty()) {
                    activeByCi.remove(t.ciId);
                }
            }
        }
    }

    private static String describe(PlannedWork w) {
        return (w.kind() == PlannedWork.Kind.CHANGE ? "change " : "maintenance window ") + w.ref()
                + (w.title() == null || w.title().isBlank() ? "" : " (" + w.title() + ")");
    }

    private static String minutes(Duration d) {
        long m = d.toMinutes();
        return m < 1 ? seconds(d) : m + " min";
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }

    /** The mutable memory of one alarm. */
    private static final class Tracked {
        long alarmId;
        final String key;
        final Long ciId;
        final String label;
        Instant raisedAt;
        boolean active = true;
        Role role;
        Long rootAlarmId;
        PlannedWork work;
        boolean incidentOpen;
        boolean flapping;
        Instant clearedAt;

        Tracked(AlarmSignal s, Instant now) {
            this.alarmId = s.alarmId();
            this.key = s.reductionKey();
            this.ciId = s.ciId();
            this.label = s.label() == null ? s.reductionKey() : s.label();
            this.raisedAt = now;
        }

        AlarmState state() {
            return new AlarmState(alarmId, key, ciId, label, raisedAt, active, role, rootAlarmId,
                    work == null ? null : work.ref(), incidentOpen, flapping, clearedAt);
        }
    }
}
