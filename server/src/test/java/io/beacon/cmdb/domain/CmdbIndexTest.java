package io.beacon.cmdb.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CmdbIndexTest {
    private final CmdbIndex index = new CmdbIndex();

    private static CiIdentity ci(long id, long version, String name, String hostname, String... ips) {
        return new CiIdentity(id, version, name, hostname, Set.of(ips));
    }

    @Test
    void aNewCiIsFoundByEveryFormOfItsAddressByHostNameShortNameAndName() {
        AddressClaim claim = index.put(ci(1, 0, "core-sw-01", "Core-SW-01.dc1.example.com", "10.0.0.1", "2001:DB8:0:0::1"));

        assertThat(index.ciByIp("10.0.0.1")).contains(1L);
        assertThat(index.ciByIp(" 10.0.0.1 ")).contains(1L);
        assertThat(index.ciByIp("2001:db8::1")).contains(1L);
        assertThat(index.ciByIp("[2001:0db8:0000::0001]")).contains(1L);
        assertThat(index.ciByHostOrName("core-sw-01.DC1.example.com")).contains(1L);
        assertThat(index.ciByHostOrName("CORE-SW-01")).contains(1L);
        assertThat(index.nameOf(1)).isEqualTo("core-sw-01");
        assertThat(index.ciByIp("10.0.0.2")).isEmpty();
        assertThat(claim.ips()).containsExactlyInAnyOrder("10.0.0.1", "2001:db8::1");
        assertThat(claim.hostnames()).containsExactlyInAnyOrder("core-sw-01.dc1.example.com", "core-sw-01");
    }

    @Test
    void anAddressMovedFromOneCiToAnotherResolvesToItsNewOwnerOnly() {
        index.put(ci(1, 0, "a", null, "10.0.0.1", "10.0.0.9"));
        index.put(ci(2, 0, "b", null, "10.0.0.2"));

        index.put(ci(1, 1, "a", null, "10.0.0.9"));
        AddressClaim claim = index.put(ci(2, 1, "b", null, "10.0.0.2", "10.0.0.1"));

        assertThat(index.ciByIp("10.0.0.1")).contains(2L);
        assertThat(index.ciByIp("10.0.0.9")).contains(1L);
        assertThat(claim.ips()).containsExactly("10.0.0.1");
        assertThat(claim.hostnames()).isEmpty();
    }

    @Test
    void anAddressTwoCisShareResolvesToTheLowerIdAndPassesToTheOtherWhenItLetsGo() {
        index.put(ci(7, 0, "b", null, "10.0.0.1"));
        AddressClaim second = index.put(ci(3, 0, "a", null, "10.0.0.1"));
        assertThat(index.ciByIp("10.0.0.1")).contains(3L);
        assertThat(second.ips()).containsExactly("10.0.0.1");

        index.put(ci(3, 1, "a", null));
        assertThat(index.ciByIp("10.0.0.1")).contains(7L);
    }

    @Test
    void aHostNameChangeForgetsTheOldNamesAndClaimsTheNewOnes() {
        index.put(ci(1, 0, "web", "web01.example.com"));
        AddressClaim claim = index.put(ci(1, 1, "web", "web02.example.com"));

        assertThat(index.ciByHostOrName("web01.example.com")).isEmpty();
        assertThat(index.ciByHostOrName("web01")).isEmpty();
        assertThat(index.ciByHostOrName("web02.example.com")).contains(1L);
        assertThat(index.ciByHostOrName("web02")).contains(1L);
        assertThat(index.ciByHostOrName("web")).contains(1L);
        assertThat(claim.hostnames()).containsExactlyInAnyOrder("web02.example.com", "web02");
    }

    @Test
    void aRenameAnswersToTheNewNameOnly() {
        index.put(ci(1, 0, "old-name", null));
        index.put(ci(1, 1, "new-name", null));

        assertThat(index.ciByHostOrName("old-name")).isEmpty();
        assertThat(index.ciByHostOrName("New-Name")).contains(1L);
        assertThat(index.nameOf(1)).isEqualTo("new-name");
    }

    @Test
    void anOlderStateArrivingLateNeverReplacesANewerOne() {
        index.put(ci(1, 0, "sw", null, "10.0.0.1"));
        index.put(ci(1, 2, "sw", null, "10.0.0.3"));

        AddressClaim late = index.put(ci(1, 1, "sw", null, "10.0.0.2"));

        assertThat(late.isEmpty()).isTrue();
        assertThat(index.ciByIp("10.0.0.3")).contains(1L);
        assertThat(index.ciByIp("10.0.0.2")).isEmpty();
        assertThat(index.ciByIp("10.0.0.1")).isEmpty();
    }

    @Test
    void aLoadReadBeforeACommitDoesNotUndoIt() {
        index.put(ci(1, 4, "sw", null, "10.0.0.4"));
        index.addRelation(new RelationEdge(10, new Edge(2, RelationType.CONNECTED_TO, 1)));
        index.removeRelation(10);

        index.load(List.of(ci(1, 3, "sw", null, "10.0.0.3"), ci(2, 0, "srv", null)),
                List.of(new RelationEdge(10, new Edge(2, RelationType.CONNECTED_TO, 1))));

        assertThat(index.ciByIp("10.0.0.4")).contains(1L);
        assertThat(index.ciByIp("10.0.0.3")).isEmpty();
        assertThat(index.dependenciesOf(2)).isEmpty();
        assertThat(index.ciCount()).isEqualTo(2);
    }

    @Test
    void relationsAddedAndRemovedShowInTheTransitiveClosuresAtOnce() {
        // core 1 <- dist 2 <- server 3 <- app 4; dist 5 also depends on core.
        index.addRelation(new RelationEdge(1, new Edge(2, RelationType.CONNECTED_TO, 1)));
        index.addRelation(new RelationEdge(2, new Edge(3, RelationType.CONNECTED_TO, 2)));
        index.addRelation(new RelationEdge(3, new Edge(4, RelationType.RUNS_ON, 3)));
        index.addRelation(new RelationEdge(4, new Edge(5, RelationType.CONNECTED_TO, 1)));

        assertThat(index.dependenciesOf(4)).containsExactlyInAnyOrder(3L, 2L, 1L);
        assertThat(index.dependantsOf(1)).containsExactlyInAnyOrder(2L, 3L, 4L, 5L);
        assertThat(index.dependantsOf(2)).containsExactlyInAnyOrder(3L, 4L);

        index.removeRelation(2); // server 3 no longer behind dist 2
        assertThat(index.dependenciesOf(4)).containsExactly(3L);
        assertThat(index.dependantsOf(1)).containsExactlyInAnyOrder(2L, 5L);

        index.addRelation(new RelationEdge(5, new Edge(3, RelationType.CONNECTED_TO, 5)));
        assertThat(index.dependenciesOf(4)).containsExactlyInAnyOrder(3L, 5L, 1L);
        assertThat(index.dependantsOf(1)).containsExactlyInAnyOrder(2L, 3L, 4L, 5L);
        assertThat(index.relationCount()).isEqualTo(4);
    }

    @Test
    void aRemovalArrivingBeforeItsAddKeepsTheRelationOut() {
        index.removeRelation(9);
        assertThat(index.addRelation(new RelationEdge(9, new Edge(2, RelationType.CONNECTED_TO, 1)))).isFalse();
        assertThat(index.dependenciesOf(2)).isEmpty();
    }

    @Test
    void cyclesEndTheWalk() {
        index.addRelation(new RelationEdge(1, new Edge(1, RelationType.DEPENDS_ON, 2)));
        index.addRelation(new RelationEdge(2, new Edge(2, RelationType.DEPENDS_ON, 3)));
        index.addRelation(new RelationEdge(3, new Edge(3, RelationType.DEPENDS_ON, 1)));

        assertThat(index.dependenciesOf(1)).containsExactlyInAnyOrder(2L, 3L);
        assertThat(index.dependantsOf(1)).containsExactlyInAnyOrder(2L, 3L);
    }

    /** Wall and CPU time of this thread, per operation. */
    private static final class Stopwatch {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private final long wall = System.nanoTime();
        private final long cpu = THREADS.getCurrentThreadCpuTime();
        private String result;

        void stop(int operations) {
            double wallUs = (System.nanoTime() - wall) / 1000.0 / operations;
            double cpuUs = (THREADS.getCurrentThreadCpuTime() - cpu) / 1000.0 / operations;
            result = wallUs >= 1000 ? String.format("%.1f / %.1f ms", wallUs / 1000, cpuUs / 1000)
                    : String.format("%.1f / %.1f µs", wallUs, cpuUs);
        }

        @Override
        public String toString() {
            return result;
        }
    }

    /** Prints what the view costs on a data-centre-sized CMDB; asserts only what it answers. */
    @Test
    void costsOnFifteenThousandCisAndTwentyThousandRelations() {
        List<CiIdentity> cis = new ArrayList<>();
        for (int i = 1; i <= 15_000; i++) {
            cis.add(ci(i, 0, "ci-" + i, "ci-" + i + ".dc1.example.com", "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255)));
        }
        // 4 cores <- 96 distribution <- 4,900 access <- 10,000 servers; plus 5,000 more edges server -> access (redundancy).
        List<RelationEdge> edges = new ArrayList<>();
        long rel = 1;
        for (int d = 5; d <= 100; d++) {
            edges.add(new RelationEdge(rel++, new Edge(d, RelationType.CONNECTED_TO, 1 + d % 4)));
        }
        for (int a = 101; a <= 5_000; a++) {
            edges.add(new RelationEdge(rel++, new Edge(a, RelationType.CONNECTED_TO, 5 + a % 96)));
        }
        for (int s = 5_001; s <= 15_000; s++) {
            edges.add(new RelationEdge(rel++, new Edge(s, RelationType.CONNECTED_TO, 101 + s % 4_900)));
        }
        for (int s = 5_001; s <= 10_005; s++) {
            edges.add(new RelationEdge(rel++, new Edge(s, RelationType.CONNECTED_TO, 101 + (s * 7) % 4_900)));
        }
        List<CiIdentity> updates = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            int id = 1 + i % 15_000;
            updates.add(ci(id, 1, "ci-" + id, "ci-" + id + ".dc1.example.com", "172.16." + (i >> 8 & 255) + "." + (i & 255)));
        }
        CmdbIndex big = new CmdbIndex();
        // Thread CPU time beside wall time: on a shared, loaded machine the wall time mostly measures the others.
        Stopwatch load = new Stopwatch();
        big.load(cis, edges);
        load.stop(1);

        Stopwatch update = new Stopwatch();
        updates.forEach(big::put);
        update.stop(updates.size());

        int queries = 2_000;
        int reached = 0;
        Stopwatch up = new Stopwatch();
        for (int i = 0; i < queries; i++) {
            reached += big.dependenciesOf(5_001 + (i * 13) % 10_000).size();
            big.removeRelation(-1 - i); // a relation change drops every cached closure: each query walks again
        }
        up.stop(queries);
        Stopwatch down = new Stopwatch();
        Set<Long> behindCore = big.dependantsOf(1);
        down.stop(1);
        Stopwatch cached = new Stopwatch();
        big.dependenciesOf(5_001);
        big.dependenciesOf(5_001);
        cached.stop(2);

        System.out.printf("%n[benchmark] CMDB view (wall / thread CPU): %d CIs and %d relations loaded in %s;"
                + " one-CI update %s; dependencies of a server (BFS, %d CIs on average) %s;"
                + " dependants of a core switch (BFS, %d CIs) %s; a cached closure %s%n", big.ciCount(),
                big.relationCount(), load, update, reached / queries, up, behindCore.size(), down, cached);
        assertThat(big.ciCount()).isEqualTo(15_000);
        assertThat(big.relationCount()).isEqualTo(20_001);
        assertThat(big.ciByIp("172.16.0.5")).contains(6L);
        assertThat(big.ciByIp("10.0.0.6")).isEmpty(); // moved away by the updates
        assertThat(behindCore).contains(8L, 12L).doesNotContain(5L);
    }
}
