package io.beacon.platform.live;

import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.function.Predicate;

/** Picks the audience rule of an update's topic; staff only where no area declared one. */
@ApplicationScoped
public class LiveAudiences {
    static final Predicate<Actor> STAFF = a -> a.has(Role.AGENT) || a.has(Role.APPROVER) || a.has(Role.ADMIN);

    @Inject
    Instance<LiveAudience> audiences;

    public Predicate<Actor> audienceOf(LiveUpdate update) {
        for (LiveAudience audience : audiences) {
            if (audience.handles(update.topic())) {
                return audience.audienceOf(update);
            }
        }
        return STAFF;
    }
}
