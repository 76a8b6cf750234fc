package io.beacon.cmdb.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.cmdb.domain.CiIdentity;
import io.beacon.cmdb.domain.Edge;
import io.beacon.cmdb.domain.RelationEdge;
import io.beacon.cmdb.domain.RelationType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CmdbViewTest {
    private final CmdbView view = new CmdbView();
    private final List<AddressesClaimed> claims = new ArrayList<>();
    /** What the view answered for each claimed address at the moment the claim was fired. */
    private final List<Optional<Long>> seenWhenFired = new ArrayList<>();

    /** What the view handed to the broadcast that carries committed changes to the other core nodes. */
    private final List<CmdbChange> broadcast = new ArrayList<>();

    @BeforeEach
    void recordClaims() {
        view.claimed = new Recording();
        view.broadcasts = instanceOf(new CmdbBroadcast() {
            @Override
            public boolean active() {
                return true;
            }

            @Override
            public void publish(CmdbChange change) {
                broadcast.add(change);
            }
        });
    }

    @Test
    void aCommittedChangeGoesToTheOtherNodesAndOneFromThemIsAppliedAndClaimedButNotSentBack() {
        CmdbChange here = CmdbChange.ci(new CiIdentity(1, 0, "sw-1", null, Set.of("192.0.2.1")));
        view.onCommitted(here);
        assertThat(broadcast).containsExactly(here);

        CmdbChange there = CmdbChange.ci(new CiIdentity(2, 0, "sw-2", null, Set.of("192.0.2.2")));
        view.applyCommittedElsewhere(there);
        assertThat(view.ciByIp("192.0.2.2")).contains(2L);
        assertThat(claims).extracting(AddressesClaimed::ciId).containsExactly(1L, 2L);
        assertThat(broadcast).containsExactly(here);
    }

    /** The one CDI Instance method the view uses: iterating over the beans. */
    @SuppressWarnings("unchecked")
    private static <T> jakarta.enterprise.inject.Instance<T> instanceOf(T bean) {
        return (jakarta.enterprise.inject.Instance<T>) java.lang.reflect.Proxy.newProxyInstance(
                CmdbViewTest.class.getClassLoader(), new Class<?>[] {jakarta.enterprise.inject.Instance.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("iterator")) {
                        return List.of(bean).iterator();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aNewCiClaimsItsAddressesAndNamesOnceTheViewAnswersWithThem() {
        view.onCommitted(CmdbChange.ci(new CiIdentity(42, 0, "edge-rtr", "edge-rtr.example.net",
                Set.of("192.0.2.7", "2001:db8::7"))));

        assertThat(claims).containsExactly(new AddressesClaimed(42, "edge-rtr", Set.of("192.0.2.7", "2001:db8::7"),
                Set.of("edge-rtr.example.net", "edge-rtr")));
        assertThat(seenWhenFired).containsExactly(Optional.of(42L));
        assertThat(view.ciByIp("192.0.2.7")).contains(42L);
        assertThat(view.nameOf(42)).isEqualTo("edge-rtr");
    }

    @Test
    void anAddressChangeClaimsOnlyWhatIsNew() {
        view.onCommitted(CmdbChange.ci(new CiIdentity(1, 0, "sw", null, Set.of("192.0.2.1"))));
        claims.clear();

        view.onCommitted(CmdbChange.ci(new CiIdentity(1, 1, "sw", null, Set.of("192.0.2.1", "192.0.2.2"))));
        view.onCommitted(CmdbChange.ci(new CiIdentity(1, 2, "sw", null, Set.of("192.0.2.2")))); // gives one up

        assertThat(claims).containsExactly(new AddressesClaimed(1, "sw", Set.of("192.0.2.2"), Set.of()));
        assertThat(view.ciByIp("192.0.2.1")).isEmpty();
    }

    @Test
    void aChangeThatGainsNothingAndAStaleOneClaimNothing() {
        view.onCommitted(CmdbChange.ci(new CiIdentity(1, 3, "sw", null, Set.of("192.0.2.1"))));
        claims.clear();

        view.onCommitted(CmdbChange.ci(new CiIdentity(1, 4, "sw", null, Set.of("192.0.2.1"))));
        view.onCommitted(CmdbChange.ci(new CiIdentity(1, 2, "sw", null, Set.of("192.0.2.9"))));

        assertThat(claims).isEmpty();
        assertThat(view.ciByIp("192.0.2.9")).isEmpty();
    }

    @Test
    void anImportAppliesItsCisAndRelationsTogether() {
        view.onCommitted(new CmdbChange(List.of(new CiIdentity(1, 0, "core", null, Set.of()),
                new CiIdentity(2, 0, "dist", null, Set.of()), new CiIdentity(3, 0, "srv", null, Set.of())),
                List.of(new RelationEdge(100, new Edge(2, RelationType.CONNECTED_TO, 1)),
                        new RelationEdge(101, new Edge(3, RelationType.CONNECTED_TO, 2))), List.of()));

        assertThat(view.dependencies().dependenciesOf(3)).containsExactlyInAnyOrder(2L, 1L);
        assertThat(view.relationCount()).isEqualTo(2);
        assertThat(claims).extracting(AddressesClaimed::ciId).containsExactly(1L, 2L, 3L);

        view.onCommitted(CmdbChange.unrelated(100));
        assertThat(view.dependencies().dependantsOf(1)).isEmpty();
    }

    /** Records each claim, and what the view says about its first address or name while the claim is fired. */
    private final class Recording implements Event<AddressesClaimed> {
        @Override
        public void fire(AddressesClaimed event) {
            claims.add(event);
            seenWhenFired.add(event.ips().stream().findFirst().flatMap(view::ciByIp)
                    .or(() -> event.hostnames().stream().findFirst().flatMap(view::ciByHostOrName)));
        }

        @Override
        public <U extends AddressesClaimed> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends AddressesClaimed> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<AddressesClaimed> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends AddressesClaimed> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends AddressesClaimed> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void theOwnerGroupOfACiFollowsEachCommittedChange() {
        view.onCommitted(CmdbChange.ci(new CiIdentity(5, 0, "core-sw", null, Set.of("192.0.2.5"), "Network Operations")));
        assertThat(view.ownerGroupOf(5)).contains("Network Operations");
        view.onCommitted(CmdbChange.ci(new CiIdentity(5, 1, "core-sw", null, Set.of("192.0.2.5"), null)));
        assertThat(view.ownerGroupOf(5)).isEmpty();
        assertThat(view.ownerGroupOf(404)).isEmpty();
    }
}
