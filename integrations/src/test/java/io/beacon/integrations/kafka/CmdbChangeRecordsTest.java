package io.beacon.integrations.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.cmdb.application.CmdbChange;
import io.beacon.cmdb.domain.CiIdentity;
import io.beacon.cmdb.domain.Edge;
import io.beacon.cmdb.domain.RelationEdge;
import io.beacon.cmdb.domain.RelationType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CmdbChangeRecordsTest {
    @Test
    void aChangeArrivesOnAnotherNodeAsItWasCommitted() {
        CmdbChange change = new CmdbChange(
                List.of(new CiIdentity(7, 3, "core-sw-01", "core-sw-01.example", Set.of("10.0.0.1", "10.0.1.1"), "Network"),
                        new CiIdentity(8, 0, "메일서버", null, Set.of(), null)),
                List.of(new RelationEdge(41, new Edge(8, RelationType.values()[0], 7))), List.of(40L));
        List<String> records = CmdbChangeRecords.encode(change, "core-a");
        CmdbChange received = new CmdbChange(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (String r : records) {
            CmdbChangeRecords.Part part = CmdbChangeRecords.decode(r);
            assertThat(part.node()).isEqualTo("core-a");
            received = merge(received, part.change());
        }
        assertThat(received).isEqualTo(change);
    }

    @Test
    void aLargeImportTravelsInPartsThatKeepCisBeforeTheirRelations() {
        List<CiIdentity> cis = new ArrayList<>();
        List<RelationEdge> relations = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            cis.add(new CiIdentity(i, 0, "srv-" + i, "srv-" + i + ".example", Set.of("10.1." + i / 250 + "." + i % 250), null));
            relations.add(new RelationEdge(10_000 + i, new Edge(i, RelationType.values()[0], 0)));
        }
        List<String> records = CmdbChangeRecords.encode(new CmdbChange(cis, relations, List.of()), "core-b");
        assertThat(records).hasSize(3 + 3);
        assertThat(records).allSatisfy(r -> assertThat(r.length()).isLessThan(256 * 1024));
        assertThat(CmdbChangeRecords.decode(records.get(2)).change().cis()).hasSize(200);
        assertThat(CmdbChangeRecords.decode(records.get(3)).change().cis()).isEmpty();
        assertThat(CmdbChangeRecords.decode(records.get(3)).change().relationsAdded()).hasSize(CmdbChangeRecords.PART);
    }

    private static CmdbChange merge(CmdbChange a, CmdbChange b) {
        List<CiIdentity> cis = new ArrayList<>(a.cis());
        cis.addAll(b.cis());
        List<RelationEdge> added = new ArrayList<>(a.relationsAdded());
        added.addAll(b.relationsAdded());
        List<Long> removed = new ArrayList<>(a.relationsRemoved());
        removed.addAll(b.relationsRemoved());
        return new CmdbChange(cis, added, removed);
    }
}
