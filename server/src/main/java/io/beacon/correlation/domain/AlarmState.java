package io.beacon.correlation.domain;

import java.time.Instant;

/**
 * What correlation remembers of one alarm; also how the application restores that memory after a
 * restart (from the alarms it stored).
 *
 * @param role         how the alarm was handled
 * @param rootAlarmId  for a symptom, the alarm it is a symptom of
 * @param workRef      for an alarm suppressed by planned work, the change key or window id
 * @param incidentOpen whether the alarm's own incident is open (a flapping alarm keeps it open while clear)
 * @param clearedAt    when a flapping alarm last cleared, or null while it is active
 */
public record AlarmState(long alarmId, String reductionKey, Long ciId, String label, Instant raisedAt, boolean active,
        Role role, Long rootAlarmId, String workRef, boolean incidentOpen, boolean flapping, Instant clearedAt) {

    public enum Role { INCIDENT, SYMPTOM, SUPPRESSED }
}
