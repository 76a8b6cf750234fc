package io.beacon.correlation.domain;

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
 * What the correlation rules share: the tracked alarms (by reduction key, by alarm id, the active
 * ones by CI), the recent raises per reduction key, when each key's incident was last resolved, and
 * the current topology and planned work. Plain in-memory state, so no rule queries anything.
 */
final class CorrelationMemory {
    UpstreamIndex upstream = UpstreamIndex.empty();
    PlannedWorkIndex plannedWork = PlannedWorkIndex.empty();

    /** Active alarms, and cleared ones whose incident a flap keeps open, by reduction key. */
    private final Map<String, TrackedAlarm> byKey = new LinkedHashMap<>();
    private final Map<Long, TrackedAlarm> byAlarm = new HashMap<>();
    private final Map<Long, List<TrackedAlarm>> activeByCi = new HashMap<>();
    private final Map<String, Deque<Instant>> raises = new HashMap<>();
    private final Map<String, Instant> resolvedAt = new HashMap<>();

    TrackedAlarm byKey(String reductionKey) {
        return byKey.get(reductionKey);
    }

    TrackedAlarm byAlarmId(Long alarmId) {
        return alarmId == null ? null : byAlarm.get(alarmId);
    }

    /** Every tracked alarm, in the order they were first tracked. */
    Collection<TrackedAlarm> tracked() {
        return byKey.values();
    }

    List<TrackedAlarm> activeOn(long ciId) {
        return activeByCi.getOrDefault(ciId, List.of());
    }

    /** The active alarms on the CIs that depend on {@code ciId}: where its symptoms show. */
    List<TrackedAlarm> activeBehind(long ciId) {
        List<TrackedAlarm> out = new ArrayList<>();
        for (Long ci : upstream.dependantsOf(ciId)) {
            out.addAll(activeOn(ci));
        }
        return out;
    }

    /** The CI of {@code alarm} and every CI it depends on: where planned work can explain it. */
    Set<Long> scopeOf(TrackedAlarm alarm) {
        return alarm.ciId == null ? Set.of() : upstream.selfAndUpstream(alarm.ciId);
    }

    /** Fewest CIs upstream first: the order in which alarms are decided again, so roots come before their symptoms. */
    Comparator<TrackedAlarm> upstreamFirst() {
        return Comparator.comparingInt((TrackedAlarm t) -> t.ciId == null ? 0 : upstream.of(t.ciId).size());
    }

    /** Starts tracking a new active alarm. */
    TrackedAlarm track(AlarmSignal signal, Instant raisedAt) {
        TrackedAlarm t = new TrackedAlarm(signal, raisedAt);
        remember(t);
        index(t);
        return t;
    }

    /** Tracks an alarm restored after a restart, as it was. */
    void restore(TrackedAlarm t) {
        remember(t);
        if (t.active) {
            index(t);
        }
    }

    /** A cleared alarm whose incident was kept open is active again, now under {@code alarmId}. */
    void reactivate(TrackedAlarm t, long alarmId) {
        byAlarm.remove(t.alarmId);
        t.alarmId = alarmId;
        byAlarm.put(t.alarmId, t);
        t.active = true;
        t.clearedAt = null;
        index(t);
    }

    void deactivate(TrackedAlarm t, Instant clearedAt) {
        t.active = false;
        t.clearedAt = clearedAt;
        unindex(t);
    }

    /** The alarm is on {@code ciId} from now on (it was attributed again). */
    void moveTo(TrackedAlarm t, long ciId) {
        if (t.active) {
            unindex(t);
        }
        t.ciId = ciId;
        if (t.active) {
            index(t);
        }
    }

    /** The alarm moved onto {@code ciId} under a new key and label: remembered there, with all it was. */
    void moveTo(TrackedAlarm old, String key, long ciId, String label) {
        if (old.key.equals(key) && old.label.equals(label)) {
            moveTo(old, ciId);
            return;
        }
        forget(old);
        if (old.active) {
            unindex(old);
        }
        TrackedAlarm t = new TrackedAlarm(new AlarmSignal(old.alarmId, key, ciId, label), old.raisedAt);
        t.active = old.active;
        t.role = old.role;
        t.rootAlarmId = old.rootAlarmId;
        t.work = old.work;
        t.incidentOpen = old.incidentOpen;
        t.flapping = old.flapping;
        t.clearedAt = old.clearedAt;
        remember(t);
        if (t.active) {
            index(t);
        }
        Deque<Instant> times = raises.remove(old.key);
        if (times != null) {
            raises.put(key, times);
        }
        Instant resolved = resolvedAt.remove(old.key);
        if (resolved != null) {
            resolvedAt.put(key, resolved);
        }
    }

    void forget(TrackedAlarm t) {
        byKey.remove(t.key);
        byAlarm.remove(t.alarmId);
    }

    void recordRaise(String key, Instant at) {
        raises.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(at);
    }

    /** How many times {@code key} was raised since {@code since}; earlier raises are forgotten. */
    int raisesSince(String key, Instant since) {
        Deque<Instant> times = raises.get(key);
        if (times == null) {
            return 0;
        }
        while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
            times.removeFirst();
        }
        return times.size();
    }

    void resolved(String key, Instant at) {
        resolvedAt.put(key, at);
    }

    Optional<Instant> resolvedAt(String key) {
        return Optional.ofNullable(resolvedAt.get(key));
    }

    /** Forgets raises whose latest is before {@code raiseHorizon} and resolutions before {@code resolvedHorizon}. */
    void forgetBefore(Instant raiseHorizon, Instant resolvedHorizon) {
        raises.values().removeIf(times -> times.isEmpty() || times.peekLast().isBefore(raiseHorizon));
        resolvedAt.values().removeIf(at -> at.isBefore(resolvedHorizon));
    }

    private void remember(TrackedAlarm t) {
        byKey.put(t.key, t);
        byAlarm.put(t.alarmId, t);
    }

    private void index(TrackedAlarm t) {
        if (t.ciId != null) {
            activeByCi.computeIfAbsent(t.ciId, k -> new ArrayList<>()).add(t);
        }
    }

    private void unindex(TrackedAlarm t) {
        if (t.ciId != null) {
            List<TrackedAlarm> list = activeByCi.get(t.ciId);
            if (list != null) {
                list.remove(t);
                if (list.isEmpty()) {
                    activeByCi.remove(t.ciId);
                }
            }
        }
    }
}
