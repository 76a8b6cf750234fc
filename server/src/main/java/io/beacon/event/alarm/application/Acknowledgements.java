package io.beacon.event.alarm.application;

import io.beacon.event.alarm.domain.Alarm;
import io.beacon.event.alarm.domain.Alarms;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** A person's acknowledgement (or taking it back), carried out on the alarm writer's thread: one transaction each. */
@ApplicationScoped
@Transactional
public class Acknowledgements {
    @Inject
    Alarms alarms;

    @Inject
    Clock clock;

    public Alarm acknowledge(Actor actor, long id) {
        Alarm alarm = find(id);
        if (!alarm.isAcknowledged()) {
            alarm.acknowledge(actor.username(), clock.instant());
            alarms.flush();
        }
        return alarm;
    }

    public Alarm unacknowledge(long id) {
        Alarm alarm = find(id);
        if (alarm.isAcknowledged()) {
            alarm.unacknowledge();
            alarms.flush();
        }
        return alarm;
    }

    private Alarm find(long id) {
        return alarms.byId(id).orElseThrow(() -> new NotFoundException("alarm", String.valueOf(id)));
    }
}
