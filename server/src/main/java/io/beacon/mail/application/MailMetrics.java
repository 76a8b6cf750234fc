package io.beacon.mail.application;

import io.beacon.mail.domain.RejectReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The mail channel's counters in /metrics: received, opened, commented, rejected by reason, downgraded by
 * reason, unverified senders, sent, failures, outbox depth.
 */
@ApplicationScoped
public class MailMetrics {
    @Inject
    MetricRegistry registry;

    private final AtomicLong outboxDepth = new AtomicLong();
    private volatile boolean gaugeRegistered;

    public void received() {
        registry.counter("beacon.mail.received").inc();
    }

    public void opened() {
        registry.counter("beacon.mail.tickets.opened").inc();
    }

    public void commented() {
        registry.counter("beacon.mail.comments.added").inc();
    }

    public void rejected(RejectReason reason) {
        registry.counter("beacon.mail.rejected", new Tag("reason", reason.code())).inc();
    }

    /** A mail on a ticket that got less than its sender claimed (a note instead of a comment, no reopening). */
    public void downgraded(String reason) {
        registry.counter("beacon.mail.downgraded", new Tag("reason", reason)).inc();
    }

    /** A mail whose sender failed authentication by the trusted receiving server. */
    public void unverified() {
        registry.counter("beacon.mail.unverified").inc();
    }

    public void ackSuppressed() {
        registry.counter("beacon.mail.acks.suppressed").inc();
    }

    public void sent() {
        registry.counter("beacon.mail.sent").inc();
    }

    public void sendFailed() {
        registry.counter("beacon.mail.send.failures").inc();
    }

    /** Mails waiting in the outbox, as last counted by the sender. */
    public void outboxDepth(long depth) {
        outboxDepth.set(depth);
        if (!gaugeRegistered) {
            synchronized (this) {
                if (!gaugeRegistered) {
                    registry.gauge("beacon.mail.outbox.depth", outboxDepth, AtomicLong::get);
                    gaugeRegistered = true;
                }
            }
        }
    }
}
