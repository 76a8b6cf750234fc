package io.beacon.event.application;

import io.beacon.event.domain.Alarm;

/**
 * The seam where correlation plugs in (topology root cause, change and maintenance windows,
 * flapping): asked once for each alarm that would open an incident. The default opens one per
 * alarm; a correlating implementation replaces it as a CDI alternative.
 */
public interface AlarmCorrelator {
    IncidentDecision decide(Alarm alarm);
}
