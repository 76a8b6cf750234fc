package io.beacon.correlation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.cmdb.domain.Edge;
import io.beacon.cmdb.domain.RelationType;
import io.beacon.cmdb.domain.CmdbIndex;
import io.beacon.cmdb.domain.RelationEdge;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An alarm correlation remembers without a CI moves onto the CI that claimed its address, under the key of that CI. */
class CorrelatorRekeyTest {
    private static final Instant T0 = Instant.parse("2026-11-27T01:00:00Z");

    @Test
    void theMovedAlarmIsFoundUnderItsNewKeyAndOnItsCiByTheRulesThatFollow() {
        CmdbIndex topology = new CmdbIndex();
        topology.addRelation(new RelationEdge(1, new Edge(1000, RelationType.CONNECTED_TO, 10)));
        Correlator correlator = new Correlator(CorrelationRules.defaults());
        correlator.useTopology(new UpstreamIndex(topology));

        assertThat(correlator.problem(new AlarmSignal(77, "nodeDown:10.0.0.9", null, "nodeDown on 10.0.0.9"), T0))
                .singleElement().isInstanceOf(Decision.OpenIncident.class);
        correlator.reattribute(77, "nodeDown:ci1000", 1000, "nodeDown on srv-1000");

        assertThat(correlator.state("nodeDown:10.0.0.9")).isEmpty();
        assertThat(correlator.state("nodeDown:ci1000")).get()
                .satisfies(s -> assertThat(s.ciId()).isEqualTo(1000L))
                .satisfies(s -> assertThat(s.incidentOpen()).isTrue());
        // Its switch fails a little later: the moved alarm is now behind it, so its incident merges into the switch's.
        assertThat(correlator.problem(new AlarmSignal(10, "nodeDown:ci10", 10L, "nodeDown on sw-10"), T0.plusSeconds(20)))
                .anySatisfy(d -> {
                    assertThat(d).isInstanceOf(Decision.MergeIncident.class);
                    assertThat(d.alarmId()).isEqualTo(77);
                    assertThat(((Decision.MergeIncident) d).rootAlarmId()).isEqualTo(10);
                    assertThat(d.reason()).isEqualTo("nodeDown on srv-1000 is behind"
                            + " nodeDown on sw-10 (alarm 10), which arrived 20 s later: its incident is merged into the root cause's");
                });
    }
}
