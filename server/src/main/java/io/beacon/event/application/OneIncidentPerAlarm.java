package io.beacon.event.application;

import io.beacon.event.domain.Alarm;
import jakarta.enterprise.context.ApplicationScoped;

/** No correlation yet: every qualifying alarm opens its own incident. */
@ApplicationScoped
public class OneIncidentPerAlarm implements AlarmCorrelator {
    @Override
    public IncidentDecision decide(Alarm alarm) {
        return IncidentDecision.open();
    }
}
