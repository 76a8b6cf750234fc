package io.beacon.identity.application;

import io.beacon.identity.domain.SignInVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Sign-in counters in /metrics: failures by kind of credential, locks, refusals by reason, locked accounts now. */
@ApplicationScoped
public class SignInMetrics {
    @Inject
    MetricRegistry registry;

    private volatile boolean gaugeRegistered;

    void failed(String via) {
        registry.counter("beacon.signin.failures", new Tag("via", via)).inc();
    }

    void locked() {
        registry.counter("beacon.signin.locks").inc();
    }

    void refused(SignInVerdict verdict) {
        registry.counter("beacon.signin.refusals",
                new Tag("reason", verdict.kind().name().toLowerCase(java.util.Locale.ROOT))).inc();
    }

    void unlocked() {
        registry.counter("beacon.signin.unlocks").inc();
    }

    void lockedAccounts(Supplier<Integer> count) {
        if (!gaugeRegistered) {
            synchronized (this) {
                if (!gaugeRegistered) {
                    registry.gauge("beacon.signin.locked.accounts", count, Supplier::get);
                    gaugeRegistered = true;
                }
            }
        }
    }
}
