package io.beacon.event.incident.application;

import io.beacon.change.application.ChangeAlarms;
import io.beacon.event.alarm.domain.Alarms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Answers a change's alarms: those correlation attributed to it. */
@ApplicationScoped
public class AlarmsOfChanges implements ChangeAlarms {
    static final int MAX = 1000;

    @Inject
    Alarms alarms;

    @Override
    public List<AlarmLink> of(String changeKey) {
        return alarms.byChangeKey(changeKey, MAX).stream().map(a -> new AlarmLink(a.getId(), a.getName(),
                a.getSeverity().code(), a.getStatus().code(), a.getCiId(), a.getCiName(), a.getIncidentKey(),
                a.getSuppressionReason())).toList();
    }
}
