package io.beacon.workflows.ticket;

import io.beacon.platform.startup.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the lifecycle processes of the incidents Beacon opens from alarms, and of the tickets it
 * opens from mails, just after their tickets commit, on a thread of its own: an alarm storm opens
 * hundreds of incidents at once and a full mailbox hundreds of requests, and none of them should
 * wait for the others' process starts to become visible. Several starts share a
 * transaction. A start lost to a crash in between is made by {@link ProcessAdoption}: a running node's
 * periodic round, or the next start-up.
 */
@ApplicationScoped
public class LateProcessStarts {
    private static final Logger LOG = Logger.getLogger(LateProcessStarts.class.getName());
    static final int STARTS_PER_TRANSACTION = 25;
    /** A storm's incidents are opened first, its process starts after: the starts wait until no incident came for this long. */
    static final long QUIET_MILLIS = 400;
    /** ...but no longer than this after the first. */
    static final long GATHER_MAX_MILLIS = 3000;
    private static final String PENDING = LateProcessStarts.class.getName() + ".pending";

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    TicketProcessCatchUp catchUp;

    private final LinkedBlockingQueue<Long> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread worker;

    void start(@Observes StartupEvent started) {
        running = true;
        worker = threads.newThread(this::run);
        worker.setName("beacon-process-starts");
        worker.start();
    }

    /** Queues the ticket's process start for when the current transaction has committed (dropped on rollback). */
    @SuppressWarnings("unchecked")
    public void afterCommit(long ticketId) {
        List<Long> pending = (List<Long>) transactions.getResource(PENDING);
        if (pending == null) {
            List<Long> ids = new ArrayList<>();
            transactions.putResource(PENDING, ids);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        queue.addAll(ids);
                    }
                }
            });
            pending = ids;
        }
        pending.add(ticketId);
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                Long first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Long> ids = gather(first);
                for (int i = 0; i < ids.size(); i += STARTS_PER_TRANSACTION) {
                    startAll(ids.subList(i, Math.min(ids.size(), i + STARTS_PER_TRANSACTION)));
                }
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    /**
     * The starts to make now: the first, and whatever follows it until none has come for
     * {@link #QUIET_MILLIS} (a storm's incidents are opened a chunk at a time), at most
     * {@link #GATHER_MAX_MILLIS} after the first. The process starts thus stay off the two cores
     * while the storm's incidents are still being opened, and never wait long.
     */
    private List<Long> gather(Long first) throws InterruptedException {
        List<Long> ids = new ArrayList<>(List.of(first));
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GATHER_MAX_MILLIS);
        for (long left = until - System.nanoTime(); left > 0 && running; left = until - System.nanoTime()) {
            Long next = queue.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)), TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            ids.add(next);
            queue.drainTo(ids);
        }
        return ids;
    }

    private void startAll(List<Long> ids) {
        try {
            catchUp.startAll(ids);
        } catch (RuntimeException together) {
            // One ticket that cannot start must not hold back the others.
            for (Long id : ids) {
                try {
                    catchUp.startAll(List.of(id));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not start the lifecycle process of ticket " + id
                            + "; it is adopted within minutes (ProcessAdoption)", e);
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        if (worker != null) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
