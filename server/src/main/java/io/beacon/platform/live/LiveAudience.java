package io.beacon.platform.live;

import io.beacon.platform.domain.Actor;
import java.util.function.Predicate;

/**
 * Who may receive the live updates of one topic. An area that fires updates implements it as a CDI
 * bean; a topic without one reaches only staff (agents, approvers, admins), never requesters.
 */
public interface LiveAudience {
    boolean handles(String topic);

    /** Worked out once per update (it may read the database), then applied to every open stream. */
    Predicate<Actor> audienceOf(LiveUpdate update);
}
