package io.beacon.event.alarm.application;

import io.beacon.event.EventSettings;
import io.beacon.event.domain.Severity;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The severity from which an alarm pages (gets an incident): read from the settings once, for every stage. */
@ApplicationScoped
public class PagingThreshold {
    @Inject
    EventSettings settings;

    private Severity severity;

    @PostConstruct
    void read() {
        severity = Severity.fromCode("beacon.events.incident.severity", settings.incidentSeverity());
    }

    public Severity severity() {
        return severity;
    }

    /** Whether an alarm of this severity pages. */
    public boolean pages(Severity s) {
        return s != Severity.CLEARED && s.atLeast(severity);
    }
}
