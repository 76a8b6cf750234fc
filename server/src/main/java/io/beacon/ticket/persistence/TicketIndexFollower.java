package io.beacon.ticket.persistence;

import io.beacon.platform.live.BroadcastUpdate;
import io.beacon.ticket.application.TicketLiveFeed;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Among core nodes each keeps its own search index, written as tickets change through it; this
 * keeps it in step with the tickets changed through the others: every ticket change another node
 * broadcast is indexed here from the database, a few hundred at a time on a thread of its own (the
 * broadcast's reader never waits on the index). So {@code q=} on any node finds a ticket a moment
 * after it was written through another. A single node receives no broadcast and does nothing here.
 */
@ApplicationScoped
public class TicketIndexFollower {
    private static final Logger LOG = Logger.getLogger(TicketIndexFollower.class.getName());
    private static final int BATCH = 500;

    @Inject
    HibernateTicketSearch index;

    @Resource
    ManagedThreadFactory threads;

    private final LinkedBlockingQueue<Long> changed = new LinkedBlockingQueue<>();
    private volatile Thread indexer;
    private volatile boolean stopping;

    void onBroadcast(@Observes BroadcastUpdate received) {
        if (!received.fromElsewhere() || !TicketLiveFeed.TOPIC.equals(received.update().topic())) {
            return;
        }
        try {
            changed.add(Long.parseLong(received.update().id()));
        } catch (NumberFormatException | NullPointerException notOneTicket) {
            return;
        }
        startOnce();
    }

    private synchronized void startOnce() {
        if (indexer == null && !stopping) {
            indexer = threads.newThread(this::run);
            indexer.setName("beacon-search-follower");
            indexer.start();
        }
    }

    private void run() {
        while (!stopping) {
            try {
                Long first = changed.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                Set<Long> ids = new LinkedHashSet<>();
                ids.add(first);
                List<Long> more = new ArrayList<>();
                changed.drainTo(more, BATCH - 1);
                ids.addAll(more);
                index.indexNow(ids);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Could not index tickets changed through another node; a rebuild"
                        + " (POST /api/search/index/rebuild) brings this node's index up to date", e);
            }
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        Thread t = indexer;
        if (t != null) {
            t.interrupt();
        }
    }
}
