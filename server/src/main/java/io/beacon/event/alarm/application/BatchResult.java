package io.beacon.event.alarm.application;

import java.util.List;

/** What one committed batch did: events stored, redeliveries ignored, alarms raised and cleared (ids and keys). */
public record BatchResult(int stored, int duplicates, List<AlarmRef> raised, List<AlarmRef> cleared) {
    public record AlarmRef(long alarmId, String reductionKey) {}
}
