package io.beacon.correlation.domain;

import io.beacon.cmdb.domain.Edge;
import io.beacon.cmdb.domain.RelationType;
import io.beacon.cmdb.domain.CmdbIndex;
import io.beacon.cmdb.domain.RelationEdge;
import io.beacon.correlation.domain.AlarmState.Role;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A small site for the rule tests, as the rules see it through {@link CorrelationMemory}: core
 * switch 1; distribution switches 10 and 11 connected to it; servers 1000 and 1001 behind 10,
 * server 1020 behind 11; application 5000 runs on server 1000. Times are seconds after {@link #T0}.
 */
final class Situation {
    static final Instant T0 = Instant.parse("2026-11-27T01:00:00Z");
    static final long CORE = 1;
    static final long SWITCH_10 = 10;
    static final long SWITCH_11 = 11;
    static final long SERVER_1000 = 1000;
    static final long SERVER_1001 = 1001;
    static final long SERVER_1020 = 1020;
    static final long APP_5000 = 5000;

    final CorrelationMemory memory = new CorrelationMemory();
    final CorrelationRules rules = CorrelationRules.defaults();

    Situation() {
        CmdbIndex topology = new CmdbIndex();
        List<Edge> edges = List.of(
                new Edge(SWITCH_10, RelationType.CONNECTED_TO, CORE),
                new Edge(SWITCH_11, RelationType.CONNECTED_TO, CORE),
                new Edge(SERVER_1000, RelationType.CONNECTED_TO, SWITCH_10),
                new Edge(SERVER_1001, RelationType.CONNECTED_TO, SWITCH_10),
                new Edge(SERVER_1020, RelationType.CONNECTED_TO, SWITCH_11),
                new Edge(APP_5000, RelationType.RUNS_ON, SERVER_1000));
        for (int i = 0; i < edges.size(); i++) {
            topology.addRelation(new RelationEdge(i + 1, edges.get(i)));
        }
        memory.upstream = new UpstreamIndex(topology);
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    Situation plannedWork(PlannedWork... work) {
        memory.plannedWork = new PlannedWorkIndex(List.of(work));
        return this;
    }

    static PlannedWork change(String ref, long ci, long fromSeconds, long toSeconds) {
        return new PlannedWork(PlannedWork.Kind.CHANGE, ref, Set.of(ci), at(fromSeconds), at(toSeconds), "");
    }

    static PlannedWork maintenance(String ref, long ci, long fromSeconds, long toSeconds) {
        return new PlannedWork(PlannedWork.Kind.MAINTENANCE, ref, Set.of(ci), at(fromSeconds),
                at(toSeconds), "");
    }

    /** An active alarm on {@code ci} (its alarm id is the CI's id), not decided yet. */
    TrackedAlarm raised(long ci, long seconds) {
        return memory.track(new AlarmSignal(ci, "nodeDown:" + ci, ci, "nodeDown on ci-" + ci), at(seconds));
    }

    /** An active alarm on {@code ci} with an incident of its own. */
    TrackedAlarm incident(long ci, long seconds) {
        TrackedAlarm t = raised(ci, seconds);
        t.role = Role.INCIDENT;
        t.incidentOpen = true;
        return t;
    }

    /** An active alarm on {@code ci} that is a symptom of {@code root}. */
    TrackedAlarm symptom(long ci, long seconds, TrackedAlarm root) {
        TrackedAlarm t = raised(ci, seconds);
        t.role = Role.SYMPTOM;
        t.rootAlarmId = root.alarmId;
        return t;
    }

    /** An active alarm on {@code ci} suppressed by {@code work}. */
    TrackedAlarm suppressed(long ci, long seconds, PlannedWork work) {
        TrackedAlarm t = raised(ci, seconds);
        t.role = Role.SUPPRESSED;
        t.work = work;
        return t;
    }
}
