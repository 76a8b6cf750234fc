package io.beacon.cmdb.application;

import io.beacon.cmdb.domain.AddressClaim;
import io.beacon.cmdb.domain.CiIdentity;
import io.beacon.cmdb.domain.CiRelations;
import io.beacon.cmdb.domain.CmdbIndex;
import io.beacon.cmdb.domain.ConfigurationItems;
import io.beacon.cmdb.domain.Dependencies;
import io.beacon.cmdb.domain.RelationEdge;
import io.beacon.platform.startup.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one in-memory CMDB that the event path reads: which CI an address or host name belongs to
 * (attribution) and who depends on whom (correlation). Loaded whole at start, before the channels
 * open; then changed by each committed CMDB write, on the committing thread, before the writer's
 * caller gets its answer (read-your-writes), one CI or relation at a time. Among core nodes each
 * committed change also travels the {@link CmdbBroadcast} to the others' views.
 */
@ApplicationScoped
public class CmdbView {
    private static final Logger LOG = Logger.getLogger(CmdbView.class.getName());

    @Inject
    ConfigurationItems items;

    @Inject
    CiRelations relations;

    @Inject
    Event<AddressesClaimed> claimed;

    @Inject
    Instance<CmdbBroadcast> broadcasts;

    private final CmdbIndex index = new CmdbIndex();

    /** Before the event queue (200) and the channels (later still) start. */
    @Transactional
    void load(@Observes @Priority(50) StartupEvent started) {
        long begin = System.nanoTime();
        List<CiIdentity> all = items.identities();
        List<RelationEdge> edges = relations.allRelations();
        index.load(all, edges);
        LOG.info(() -> "CMDB view: " + index.ciCount() + " CIs and " + index.relationCount() + " relations loaded in "
                + (System.nanoTime() - begin) / 1_000_000 + " ms");
    }

    /**
     * Applies a committed write. Runs on the committing thread during its commit, so it touches no
     * JPA; commits of different threads may arrive here out of order (the index keeps the newest).
     */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CmdbChange change) {
        applyAndClaim(change);
        for (CmdbBroadcast b : broadcasts) {
            if (b.active()) {
                b.publish(change);
            }
        }
    }

    /**
     * A change another core node committed (through the {@link CmdbBroadcast}): applied as a local
     * one is, its claims included, so that alarms this node wrote from the claimed addresses move too.
     */
    public void applyCommittedElsewhere(CmdbChange change) {
        applyAndClaim(change);
    }

    private void applyAndClaim(CmdbChange change) {
        List<AddressClaim> claims = apply(change);
        for (AddressClaim c : claims) {
            try {
                claimed.fire(new AddressesClaimed(c.ciId(), c.ciName(), c.ips(), c.hostnames()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "An observer of the addresses claimed by CI " + c.ciId() + " failed", e);
            }
        }
    }

    /** Applies a change to the index; answers the claims of CIs that gained addresses or names. */
    List<AddressClaim> apply(CmdbChange change) {
        List<AddressClaim> claims = new ArrayList<>();
        for (CiIdentity ci : change.cis()) {
            AddressClaim c = index.put(ci);
            if (!c.isEmpty()) {
                claims.add(c);
            }
        }
        change.relationsRemoved().forEach(index::removeRelation);
        change.relationsAdded().forEach(index::addRelation);
        return claims;
    }

    public Optional<Long> ciByIp(String ip) {
        return index.ciByIp(ip);
    }

    public Optional<Long> ciByHostOrName(String host) {
        return index.ciByHostOrName(host);
    }

    /** The CI's name, or null when the view does not know the CI. */
    public String nameOf(long ciId) {
        return index.nameOf(ciId);
    }

    /** The name of the group that owns the CI (as the CMDB holds it), empty when none or the view does not know the CI. */
    public Optional<String> ownerGroupOf(long ciId) {
        return index.ci(ciId).map(CiIdentity::ownerGroup);
    }

    /** Who depends on whom, transitively: read live, so every relation change shows at once. */
    public Dependencies dependencies() {
        return index;
    }

    public int ciCount() {
        return index.ciCount();
    }

    public int relationCount() {
        return index.relationCount();
    }
}
