package io.beacon.ticket.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * How long a requester may reopen a resolved ticket themselves: the quiet period after which the
 * ticket process closes it ({@code BEACON_SLA_AUTO_CLOSE}, default P3D). Read here rather than
 * from the SLA area's settings, which builds on tickets (the dependency would be a cycle).
 */
@ApplicationScoped
public class ReopenWindow {
    static final String KEY = "beacon.sla.auto.close";
    static final Duration DEFAULT = Duration.ofDays(3);

    @Inject
    Config config;

    public Duration duration() {
        return config.getOptionalValue(KEY, String.class).map(Duration::parse).orElse(DEFAULT);
    }
}
