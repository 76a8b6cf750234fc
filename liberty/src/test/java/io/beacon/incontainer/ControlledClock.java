package io.beacon.incontainer;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Replaces the server's clock ({@code platform.persistence.ClockProducer}) in the in-container
 * deployment: time stands still until a test moves it, and only forwards, so that what one test
 * left in correlation's memory never sees time run backwards in the next.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class ControlledClock {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    @Produces
    Clock clock() {
        return new Fixed(this, ZoneOffset.UTC);
    }

    public Instant now() {
        return now.get();
    }

    /** Moves the clock to {@code t}; a time before the present is refused. */
    public void set(Instant t) {
        now.updateAndGet(current -> {
            if (t.isBefore(current)) {
                throw new IllegalArgumentException("the controlled clock only moves forwards: " + t + " is before " + current);
            }
            return t;
        });
    }

    public void advance(Duration d) {
        set(now().plus(d));
    }

    /** The clock the application reads: whatever the controlled time is at the moment of reading. */
    private static final class Fixed extends Clock {
        private final ControlledClock source;
        private final ZoneId zone;

        Fixed(ControlledClock source, ZoneId zone) {
            this.source = source;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return new Fixed(source, z);
        }

        @Override
        public Instant instant() {
            return source.now();
        }
    }
}
