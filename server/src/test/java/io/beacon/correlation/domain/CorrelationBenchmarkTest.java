package io.beacon.correlation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.cmdb.domain.Edge;
import io.beacon.cmdb.domain.RelationType;
import io.beacon.cmdb.domain.CmdbIndex;
import io.beacon.cmdb.domain.RelationEdge;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Correlation on the reference customer's CMDB (15,000 CIs: 4 core, 96 distribution and 13,900
 * access devices, 800 servers, 200 applications): prints how many alarms per second the in-memory
 * decisions take. Asserts outcomes only, never speed.
 */
class CorrelationBenchmarkTest {
    private static final Instant T0 = Instant.parse("2026-11-27T01:00:00Z");

    @Test
    void printsCorrelationThroughputOnFifteenThousandCis() {
        CmdbIndex topology = new CmdbIndex();
        long id = 1;
        List<Long> cores = new ArrayList<>();
        List<Long> dists = new ArrayList<>();
        List<Long> access = new ArrayList<>();
        List<Long> servers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cores.add(id++);
        }
        for (int i = 0; i < 96; i++) {
            dists.add(id);
            relate(topology, new Edge(id++, RelationType.CONNECTED_TO, cores.get(i % 4)));
        }
        for (int i = 0; i < 13_900; i++) {
            access.add(id);
            relate(topology, new Edge(id++, RelationType.CONNECTED_TO, dists.get(i % 96)));
        }
        for (int i = 0; i < 800; i++) {
            servers.add(id);
            relate(topology, new Edge(id++, RelationType.CONNECTED_TO, access.get(i * 17 % access.size())));
        }
        for (int i = 0; i < 200; i++) {
            relate(topology, new Edge(id++, RelationType.RUNS_ON, servers.get(i * 4)));
        }
        long totalCis = id - 1;

        Correlator correlator = new Correlator(CorrelationRules.defaults());
        long buildStart = System.nanoTime();
        correlator.useTopology(new UpstreamIndex(topology));
        long buildMs = (System.nanoTime() - buildStart) / 1_000_000;

        // A core switch fails and everything behind it reports, in a random order, within a minute.
        Random random = new Random(7);
        List<Long> behindCore = new ArrayList<>();
        behindCore.addAll(topology.dependantsOf(cores.get(0)));
        behindCore.add(random.nextInt(behindCore.size()), cores.get(0));
        java.util.Collections.shuffle(behindCore, random);
        int opened = 0;
        long stormStart = System.nanoTime();
        for (int i = 0; i < behindCore.size(); i++) {
            long ci = behindCore.get(i);
            for (Decision d : correlator.problem(new AlarmSignal(ci, "down:" + ci, ci, "down " + ci),
                    T0.plusMillis(i * 60_000L / behindCore.size()))) {
                opened += d instanceof Decision.OpenIncident ? 1 : 0;
            }
        }
        long stormNs = System.nanoTime() - stormStart;
        long incidentsLeft = correlator.states().stream().filter(s -> s.role() == AlarmState.Role.INCIDENT).count();
        assertThat(incidentsLeft).isEqualTo(1);

        // Then independent problems and clears all over the estate, for an hour.
        int churn = 50_000;
        long churnStart = System.nanoTime();
        for (int i = 0; i < churn; i++) {
            long ci = 1 + random.nextInt((int) totalCis);
            Instant t = T0.plusSeconds(120 + i * 3600L / churn);
            if (random.nextBoolean()) {
                correlator.problem(new AlarmSignal(1_000_000 + i, "cpu:" + ci, ci, "cpu " + ci), t);
            } else {
                correlator.clear("cpu:" + ci, t);
            }
        }
        long churnNs = System.nanoTime() - churnStart;

        System.out.printf("%n[benchmark] correlation on %d CIs (topology index built in %d ms)%n", totalCis, buildMs);
        System.out.printf("[benchmark]   storm: %d alarms behind one core switch in %d ms = %,.0f alarms/s;"
                + " %d incident(s) opened along the way, 1 left%n", behindCore.size(), stormNs / 1_000_000,
                behindCore.size() / (stormNs / 1e9), opened);
        System.out.printf("[benchmark]   churn: %d problems/clears over the estate in %d ms = %,.0f signals/s%n%n",
                churn, churnNs / 1_000_000, churn / (churnNs / 1e9));
    }

    /** Relations numbered in the order they are added, as the database would. */
    static void relate(CmdbIndex topology, Edge edge) {
        topology.addRelation(new RelationEdge(topology.relationCount() + 1L, edge));
    }
}
