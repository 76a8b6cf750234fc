package io.beacon.platform.cluster;

import io.beacon.platform.startup.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * {@link Leadership} as this node's role makes it: in role {@code all} every duty is held (no
 * table, no thread); in role {@code core} one thread steps a {@link Lease} per duty, renewing what
 * this node holds and standing by for the rest; on a clean stop it releases its leases so that a
 * standby takes them at once. A collector holds them as a single node does: it has no pipeline
 * stage or mailbox that would use them.
 */
@ApplicationScoped
public class LeaseKeeper implements Leadership {
    private static final Logger LOG = Logger.getLogger(LeaseKeeper.class.getName());
    /** The term of every duty on a single node. */
    static final long ALONE = 1;

    @Inject
    ClusterSettings settings;

    @Inject
    NodeSettings node;

    @Inject
    LeaseStore store;

    @Resource
    ManagedThreadFactory threads;

    private final Map<Duty, Lease> leases = new EnumMap<>(Duty.class);
    private volatile boolean alone = true;
    private volatile boolean running;
    private volatile Thread thread;

    /** Before the event pipeline starts (200), so that the first batch knows whether it correlates. */
    void start(@Observes @Priority(150) StartupEvent started) {
        if (node.role() != NodeRole.CORE) {
            return;
        }
        String name = node.name();
        for (Duty duty : Duty.values()) {
            leases.put(duty, new Lease(duty.leaseName(), name, store, System::nanoTime,
                    TimeUnit.SECONDS.toNanos(settings.renewSeconds()), TimeUnit.SECONDS.toNanos(settings.expireSeconds())));
        }
        alone = false;
        leases.values().forEach(Lease::step); // a free lease is taken before the first batch
        running = true;
        thread = threads.newThread(this::run);
        thread.setName("beacon-cluster-leases");
        thread.start();
        LOG.info("Node " + name + " (core) shares its duties through leases: renewed every " + settings.renewSeconds()
                + " s, taken over after " + settings.expireSeconds() + " s; holds " + held());
    }

    private String held() {
        StringBuilder s = new StringBuilder();
        leases.forEach((duty, lease) -> s.append(duty.leaseName()).append('=').append(lease.heldEpoch() != 0).append(' '));
        return s.toString().strip();
    }

    private void run() {
        Map<Duty, Long> due = new EnumMap<>(Duty.class);
        Map<Duty, Long> terms = new EnumMap<>(Duty.class);
        leases.keySet().forEach(d -> {
            due.put(d, System.nanoTime());
            terms.put(d, leases.get(d).heldEpoch());
        });
        while (running) {
            long now = System.nanoTime();
            long next = Long.MAX_VALUE;
            for (Map.Entry<Duty, Lease> e : leases.entrySet()) {
                Duty duty = e.getKey();
                if (now - due.get(duty) >= 0) {
                    due.put(duty, now + e.getValue().step());
                    long term = e.getValue().heldEpoch();
                    if (term != terms.get(duty)) {
                        LOG.info(term != 0 ? "This node now holds the " + duty.leaseName() + " lease (epoch " + term + ")"
                                : "This node no longer holds the " + duty.leaseName() + " lease");
                        terms.put(duty, term);
                    }
                }
                next = Math.min(next, due.get(duty) - now);
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.max(TimeUnit.MILLISECONDS.toNanos(10), next));
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            }
        }
    }

    @Override
    public long term(Duty duty) {
        if (alone) {
            return ALONE;
        }
        return leases.get(duty).heldEpoch();
    }

    @Override
    public boolean shared() {
        return !alone;
    }

    @Override
    public void fence(Duty duty) {
        if (!alone) {
            leases.get(duty).fence(duty);
        }
    }

    /** After the pipeline's drain ({@code InProcessEventQueue.STOP_ORDER}). */
    public static final int STOP_ORDER = 2000;

    /**
     * As the application stops, after the event pipeline has drained (its incident stage is fenced with the
     * lease), while the database is still open: at @PreDestroy the persistence unit is closed, the release
     * failed unseen, and a standby waited for the lease to expire instead of taking over at once.
     */
    void releaseAtStop(@Observes @Priority(STOP_ORDER) @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        stop();
    }

    @PreDestroy
    void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        leases.values().forEach(Lease::release);
    }
}
