package io.beacon.cmdb.domain;

import static io.beacon.cmdb.domain.RelationType.CONNECTED_TO;
import static io.beacon.cmdb.domain.RelationType.DEPENDS_ON;
import static io.beacon.cmdb.domain.RelationType.RUNS_ON;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopologyTest {
    // ids: 1 core switch, 2 dist switch, 3 server, 4 app, 5 service, 6 database, 7 ups
    private final Topology demo = new Topology()
            .add(new Edge(1, DEPENDS_ON, 7))
            .add(new Edge(2, CONNECTED_TO, 1))
            .add(new Edge(3, CONNECTED_TO, 2))
            .add(new Edge(6, CONNECTED_TO, 2))
            .add(new Edge(4, RUNS_ON, 3))
            .add(new Edge(4, DEPENDS_ON, 6))
            .add(new Edge(5, DEPENDS_ON, 4));

    private static Map<Long, Integer> depths(List<Reach> reaches) {
        return reaches.stream().collect(Collectors.toMap(Reach::id, Reach::depth));
    }

    @Test
    void dependantsAreFoundAgainstTheArrowsToAnyDepth() {
        List<Reach> r = demo.dependantsOf(1);
        assertThat(depths(r)).isEqualTo(Map.of(2L, 1, 3L, 2, 6L, 2, 4L, 3, 5L, 4));
        Reach service = r.stream().filter(x -> x.id() == 5).findFirst().orElseThrow();
        assertThat(service.via()).isEqualTo(DEPENDS_ON);
        assertThat(service.path()).first().isEqualTo(1L);
        assertThat(service.path()).last().isEqualTo(5L);
        assertThat(service.path()).hasSize(5);
        assertThat(r).extracting(Reach::depth).isSorted();
    }

    @Test
    void dependenciesFollowTheArrows() {
        assertThat(depths(demo.dependenciesOf(5))).isEqualTo(Map.of(4L, 1, 3L, 2, 6L, 2, 2L, 3, 1L, 4, 7L, 5));
        assertThat(demo.dependenciesOf(7)).isEmpty();
        assertThat(demo.dependantsOf(5)).isEmpty();
    }

    @Test
    void aDiamondReportsEachCiOnceAtItsShortestDepth() {
        // 4 depends on 2 and 3, both depend on 1; 5 depends on 4 and directly on 1
        Topology t = new Topology().add(new Edge(2, DEPENDS_ON, 1)).add(new Edge(3, DEPENDS_ON, 1))
                .add(new Edge(4, DEPENDS_ON, 2)).add(new Edge(4, DEPENDS_ON, 3)).add(new Edge(5, DEPENDS_ON, 4))
                .add(new Edge(5, DEPENDS_ON, 1));
        List<Reach> r = t.dependantsOf(1);
        assertThat(r).extracting(Reach::id).containsExactlyInAnyOrder(2L, 3L, 4L, 5L);
        assertThat(depths(r)).isEqualTo(Map.of(2L, 1, 3L, 1, 4L, 2, 5L, 1));
    }

    @Test
    void cyclesEndTheWalkWithoutRepeatingAnyone() {
        Topology t = new Topology().add(new Edge(1, CONNECTED_TO, 2)).add(new Edge(2, CONNECTED_TO, 3))
                .add(new Edge(3, CONNECTED_TO, 1)).add(new Edge(4, DEPENDS_ON, 3));
        assertThat(depths(t.dependantsOf(1))).isEqualTo(Map.of(3L, 1, 4L, 2, 2L, 2));
        assertThat(depths(t.dependenciesOf(1))).isEqualTo(Map.of(2L, 1, 3L, 2));
        Topology self = new Topology().add(new Edge(1, DEPENDS_ON, 2)).add(new Edge(2, DEPENDS_ON, 1));
        assertThat(depths(self.dependantsOf(1))).isEqualTo(Map.of(2L, 1));
    }

    @Test
    void theWalkAsksForOneBatchOfEdgesPerLevel() {
        List<Set<Long>> asked = new ArrayList<>();
        Function<Set<Long>, java.util.Collection<Edge>> source = ids -> {
            asked.add(Set.copyOf(ids));
            return List.of(new Edge(2, CONNECTED_TO, 1), new Edge(3, CONNECTED_TO, 1), new Edge(4, RUNS_ON, 2),
                    new Edge(5, RUNS_ON, 3)).stream().filter(e -> ids.contains(e.target())).toList();
        };
        List<Reach> r = Topology.walk(1, Topology.Direction.DEPENDANTS, source, Integer.MAX_VALUE);
        assertThat(r).hasSize(4);
        assertThat(asked).containsExactly(Set.of(1L), Set.of(2L, 3L), Set.of(4L, 5L));
        assertThat(Topology.walk(1, Topology.Direction.DEPENDANTS, source, 1)).hasSize(2);
    }

    @Test
    void aLargeStarIsWalkedQuickly() {
        Topology t = new Topology();
        for (long i = 2; i < 20_000; i++) {
            t.add(new Edge(i, CONNECTED_TO, i % 100 + 1));
        }
        assertThat(t.dependantsOf(1)).hasSize(20_000 - 2);
    }
}
