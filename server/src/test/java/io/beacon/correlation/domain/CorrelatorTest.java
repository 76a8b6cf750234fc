package io.beacon.correlation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.cmdb.domain.Edge;
import io.beacon.cmdb.domain.RelationType;
import io.beacon.cmdb.domain.CmdbIndex;
import io.beacon.cmdb.domain.RelationEdge;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Time-stepped scenarios: events at t = 0, 10 s, ... against a small data centre, and what
 * correlation decided at each step. Topology: core switch 1; distribution switches 10..29 connected
 * to it; servers 1000..1399, twenty behind each distribution switch; an application 5000 runs on
 * server 1000.
 */
class CorrelatorTest {
    private static final Instant T0 = Instant.parse("2026-11-27T01:00:00Z");
    private static final long CORE = 1;

    private Correlator correlator;
    private final List<Decision> all = new ArrayList<>();

    @BeforeEach
    void dataCentre() {
        CmdbIndex topology = new CmdbIndex();
        for (long d = 10; d < 30; d++) {
            relate(topology, new Edge(d, RelationType.CONNECTED_TO, CORE));
        }
        for (long s = 1000; s < 1400; s++) {
            relate(topology, new Edge(s, RelationType.CONNECTED_TO, 10 + (s - 1000) / 20));
        }
        relate(topology, new Edge(5000, RelationType.RUNS_ON, 1000));
        correlator = new Correlator(CorrelationRules.defaults());
        correlator.useTopology(new UpstreamIndex(topology));
    }

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static String key(long ci) {
        return "nodeDown:" + ci;
    }

    private List<Decision> down(long ci, long seconds) {
        List<Decision> d = correlator.problem(new AlarmSignal(ci, key(ci), ci, "nodeDown on ci-" + ci), at(seconds));
        all.addAll(d);
        return d;
    }

    private List<Decision> up(long ci, long seconds) {
        List<Decision> d = correlator.clear(key(ci), at(seconds));
        all.addAll(d);
        return d;
    }

    private List<Decision> tick(long seconds) {
        List<Decision> d = correlator.tick(at(seconds));
        all.addAll(d);
        return d;
    }

    private long count(Class<? extends Decision> kind) {
        return all.stream().filter(kind::isInstance).count();
    }

    private Map<String, String> roles() {
        return correlator.states().stream().collect(Collectors.toMap(AlarmState::reductionKey,
                s -> s.role() + (s.rootAlarmId() == null ? "" : "->" + s.rootAlarmId()), (a, b) -> a, TreeMap::new));
    }

    @Test
    void aCoreSwitchFailureWithEverythingBehindItReportingIsOneIncident() {
        assertThat(down(CORE, 0)).singleElement().isInstanceOf(OpenIncident.class);
        for (long d = 10; d < 30; d++) {
            down(d, 5);
        }
        for (long s = 1000; s < 1400; s++) {
            down(s, 10 + s % 50);
        }
        assertThat(count(OpenIncident.class)).isEqualTo(1);
        assertThat(count(AttachSymptom.class)).isEqualTo(420);
        assertThat(all).filteredOn(AttachSymptom.class::isInstance)
                .allSatisfy(d -> assertThat(((AttachSymptom) d).rootAlarmId()).isEqualTo(CORE));
        assertThat(((AttachSymptom) all.get(1)).reason()).contains("nodeDown on ci-1").contains("root cause");
    }

    @Test
    void aRootCauseArrivingLastAbsorbsTheIncidentsOfItsDependantsAndTheEndStateIsTheSame() {
        for (long s = 1000; s < 1040; s++) {
            down(s, s - 1000);
        }
        down(10, 50);
        down(11, 55);
        // Each server opened an incident until its distribution switch arrived and absorbed it.
        assertThat(count(OpenIncident.class)).isEqualTo(42);
        assertThat(count(MergeIncident.class)).isEqualTo(40);

        List<Decision> root = down(CORE, 90);
        assertThat(root.get(0)).isInstanceOf(OpenIncident.class);
        assertThat(root).filteredOn(MergeIncident.class::isInstance).hasSize(2)
                .allSatisfy(d -> assertThat(d.reason()).contains("merged into the root cause's"));
        assertThat(root).filteredOn(AttachSymptom.class::isInstance).hasSize(40);
        Map<String, String> lastFirst = roles();

        // The same failure reported in the other order.
        dataCentre();
        down(CORE, 0);
        down(10, 5);
        down(11, 5);
        for (long s = 1000; s < 1040; s++) {
            down(s, 10 + s - 1000);
        }
        assertThat(roles()).isEqualTo(lastFirst);
        assertThat(lastFirst.values().stream().filter(r -> r.startsWith("INCIDENT")).count()).isEqualTo(1);
    }

    @Test
    void aDependantsIncidentOlderThanTheSymptomWindowStaysItsOwn() {
        down(1000, 0);
        List<Decision> late = down(CORE, Duration.ofMinutes(6).toSeconds());
        assertThat(late).singleElement().isInstanceOf(OpenIncident.class);
        assertThat(correlator.state(key(1000)).orElseThrow().role()).isEqualTo(Role.INCIDENT);
    }

    @Test
    void whenTheRootCauseClearsTheSymptomsStillDownBecomeIncidentsOfTheirOwnUpstreamFirst() {
        down(CORE, 0);
        down(10, 5);
        down(1000, 6);
        down(1001, 6);
        down(1020, 7); // behind distribution switch 11, which is fine
        List<Decision> cleared = up(CORE, 120);
        assertThat(cleared.get(0)).isInstanceOf(ResolveIncident.class);
        assertThat(cleared).filteredOn(OpenIncident.class::isInstance).extracting(Decision::alarmId)
                .containsExactlyInAnyOrder(10L, 1020L);
        assertThat(cleared).filteredOn(AttachSymptom.class::isInstance).extracting(Decision::alarmId)
                .containsExactlyInAnyOrder(1000L, 1001L);
        assertThat(cleared).filteredOn(OpenIncident.class::isInstance)
                .allSatisfy(d -> assertThat(d.reason()).startsWith("root cause nodeDown on ci-1 cleared"));
    }

    @Test
    void aSymptomClearingChangesNothingForTheRootCausesIncident() {
        down(CORE, 0);
        down(10, 5);
        assertThat(up(10, 30)).isEmpty();
        assertThat(up(CORE, 60)).singleElement().isInstanceOf(ResolveIncident.class);
    }

    @Test
    void alarmsInsideAnApprovedChangeWindowOnTheCiOrWhatItDependsOnPageNobodyUntilTheWindowEnds() {
        correlator.usePlannedWork(new PlannedWorkIndex(List.of(new PlannedWork(PlannedWork.Kind.CHANGE, "CHG-7",
                Set.of(10L), at(0), at(3600), "IOS upgrade"))));
        List<Decision> server = down(1000, 50); // reported before the switch it sits behind
        List<Decision> sw = down(10, 60);
        assertThat(sw).singleElement().isInstanceOfSatisfying(Suppress.class, s -> {
            assertThat(s.suppression().kind()).isEqualTo(Suppression.Kind.CHANGE);
            assertThat(s.suppression().ref()).isEqualTo("CHG-7");
        });
        assertThat(server).singleElement().isInstanceOfSatisfying(Suppress.class,
                s -> assertThat(s.reason()).contains("CHG-7").contains("on a CI it depends on"));
        down(1001, 80);
        up(1001, 600); // came back inside the window: nothing to say

        assertThat(tick(3599)).isEmpty();
        List<Decision> end = tick(3600);
        // The switch is still down after its change: a failed change, visible at once; the server is its symptom.
        assertThat(end.get(0)).isInstanceOfSatisfying(OpenIncident.class, o -> {
            assertThat(o.alarmId()).isEqualTo(10);
            assertThat(o.relatedChange()).isEqualTo("CHG-7");
            assertThat(o.reason()).contains("outlived the window of CHG-7");
        });
        assertThat(end).filteredOn(d -> d.alarmId() == 1000).singleElement()
                .isInstanceOfSatisfying(AttachSymptom.class, a -> assertThat(a.rootAlarmId()).isEqualTo(10));
        assertThat(count(OpenIncident.class)).isEqualTo(1);
    }

    @Test
    void aMaintenanceWindowSuppressesAndAnAlarmOutsideItPages() {
        correlator.usePlannedWork(new PlannedWorkIndex(List.of(new PlannedWork(PlannedWork.Kind.MAINTENANCE, "MW-3",
                Set.of(1000L), at(0), at(1800), "patching"))));
        assertThat(down(1000, 10)).singleElement().isInstanceOfSatisfying(Suppress.class,
                s -> assertThat(s.suppression().kind()).isEqualTo(Suppression.Kind.MAINTENANCE));
        assertThat(down(1001, 10)).singleElement().isInstanceOf(OpenIncident.class);
        assertThat(down(1002, 1800)).singleElement().isInstanceOf(OpenIncident.class);
    }

    @Test
    void aFlappingAlarmKeepsOneIncidentOpenUntilItHasBeenQuiet() {
        long t = 0;
        for (int i = 0; i < 3; i++) {
            down(1000, t);
            up(1000, t + 60);
            t += 120;
        }
        assertThat(count(OpenIncident.class)).isEqualTo(1);
        assertThat(count(ReopenIncident.class)).isEqualTo(2);
        assertThat(count(ResolveIncident.class)).isEqualTo(3);

        List<Decision> fourth = down(1000, t);
        assertThat(fourth).extracting(d -> d.getClass().getSimpleName()).containsExactly("ReopenIncident", "MarkFlapping");
        assertThat(up(1000, t + 60)).isEmpty(); // flapping: the incident stays open
        assertThat(down(1000, t + 120)).isEmpty();
        assertThat(up(1000, t + 180)).isEmpty();
        assertThat(count(MarkFlapping.class)).isEqualTo(1);

        assertThat(tick(t + 180 + Duration.ofMinutes(15).toSeconds() - 1)).isEmpty();
        assertThat(tick(t + 180 + Duration.ofMinutes(15).toSeconds())).singleElement()
                .isInstanceOfSatisfying(ResolveIncident.class, r -> assertThat(r.reason()).contains("quiet"));
        assertThat(correlator.states()).isEmpty();
    }

    @Test
    void aProblemReturningSoonAfterItsIncidentWasResolvedReopensItAndLaterOpensANewOne() {
        down(1000, 0);
        up(1000, 60);
        assertThat(down(1000, 60 + 600)).singleElement().isInstanceOfSatisfying(ReopenIncident.class,
                r -> assertThat(r.reason()).contains("10 min after its incident was resolved"));
        up(1000, 700);
        tick(700 + 3600 + 1);
        assertThat(down(1000, 700 + 3600 + 2)).singleElement().isInstanceOf(OpenIncident.class);
    }

    @Test
    void anIncidentShortlyAfterAChangeOnWhatItDependsOnNamesTheChangeAsSuspect() {
        correlator.usePlannedWork(new PlannedWorkIndex(List.of(new PlannedWork(PlannedWork.Kind.CHANGE, "CHG-9",
                Set.of(10L), at(0), at(3600), "ACL change"))));
        assertThat(down(1000, 3600 + 1800)).singleElement().isInstanceOfSatisfying(OpenIncident.class, o -> {
            assertThat(o.suspectChange()).isEqualTo("CHG-9");
            assertThat(o.reason()).contains("suspected cause: CHG-9");
        });
        assertThat(down(1390, 3600 + 1800)).singleElement() // behind distribution switch 29, not 10
                .isInstanceOfSatisfying(OpenIncident.class, o -> assertThat(o.suspectChange()).isNull());
    }

    @Test
    void anAlarmForNoKnownCiStillOpensAnIncidentAndRepeatsDecideNothing() {
        List<Decision> first = correlator.problem(new AlarmSignal(77, "trap:unknown", null, "unknown trap"), at(0));
        assertThat(first).singleElement().isInstanceOf(OpenIncident.class);
        assertThat(correlator.problem(new AlarmSignal(77, "trap:unknown", null, "unknown trap"), at(5))).isEmpty();
    }

    @Test
    void whatWasRememberedSurvivesARestart() {
        down(CORE, 0);
        down(10, 5);
        List<AlarmState> saved = correlator.states();
        Correlator restarted = new Correlator(CorrelationRules.defaults());
        CmdbIndex topology = new CmdbIndex();
        relate(topology, new Edge(10, RelationType.CONNECTED_TO, CORE));
        relate(topology, new Edge(1000, RelationType.CONNECTED_TO, 10));
        restarted.useTopology(new UpstreamIndex(topology));
        restarted.restore(saved);
        assertThat(restarted.problem(new AlarmSignal(1000, key(1000), 1000L, "x"), at(10))).singleElement()
                .isInstanceOfSatisfying(AttachSymptom.class, a -> assertThat(a.rootAlarmId()).isEqualTo(CORE));
        assertThat(restarted.clear(key(CORE), at(20))).first().isInstanceOf(ResolveIncident.class);
    }

    @Test
    void anyArrivalOrderOfAWholeSiteFailingEndsInOneIncident() {
        List<Long> cis = new ArrayList<>();
        cis.add(CORE);
        for (long d = 10; d < 30; d++) {
            cis.add(d);
        }
        for (long s = 1000; s < 1400; s++) {
            cis.add(s);
        }
        for (int seed = 0; seed < 5; seed++) {
            dataCentre();
            List<Long> order = new ArrayList<>(cis);
            Collections.shuffle(order, new Random(seed));
            for (int i = 0; i < order.size(); i++) {
                down(order.get(i), i / 10); // the whole site within about 40 s
            }
            assertThat(roles().values()).filteredOn(r -> r.startsWith("INCIDENT")).as("seed %d", seed).hasSize(1);
            assertThat(correlator.state(key(CORE)).orElseThrow().role()).isEqualTo(Role.INCIDENT);
        }
    }

    /** Relations numbered in the order they are added, as the database would. */
    static void relate(CmdbIndex topology, Edge edge) {
        topology.addRelation(new RelationEdge(topology.relationCount() + 1L, edge));
    }
}
