package io.beacon.event.alarm.rest;

import io.beacon.platform.domain.JsonP;
import io.beacon.event.alarm.domain.Alarm;
import io.beacon.event.alarm.domain.MonitoringEvent;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of alarms, events and trap definitions (contracts.md). */
public final class AlarmViews {
    private AlarmViews() {}

    static Map<String, Object> summary(Alarm a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.getId());
        m.put("reductionKey", a.getReductionKey());
        m.put("name", a.getName());
        m.put("severity", a.getSeverity().code());
        m.put("problemSeverity", a.getProblemSeverity().code());
        m.put("status", a.getStatus().code());
        m.put("state", a.getStatus().code());
        m.put("ciId", a.getCiId());
        m.put("ciName", a.getCiName());
        m.put("sourceAddress", a.getSourceAddress());
        m.put("source", a.getSource().code());
        m.put("message", a.getMessage());
        m.put("count", a.getCount());
        m.put("firstSeen", a.getFirstSeen());
        m.put("lastSeen", a.getLastSeen());
        m.put("clearedAt", a.getClearedAt());
        m.put("acknowledged", a.isAcknowledged());
        m.put("acknowledgedBy", a.getAcknowledgedBy());
        m.put("acknowledgedAt", a.getAcknowledgedAt());
        m.put("incidentKey", a.getIncidentKey());
        m.put("rootCauseAlarmId", a.getRootCauseAlarmId());
        m.put("suppression", a.getSuppressionKind() == null ? null : suppression(a));
        m.put("changeKey", a.getChangeKey());
        m.put("flapping", a.isFlapping());
        return m;
    }

    static Map<String, Object> full(Alarm a, List<MonitoringEvent> events) {
        Map<String, Object> m = summary(a);
        m.put("events", events.stream().map(AlarmViews::event).toList());
        return m;
    }

    public static Map<String, Object> event(MonitoringEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.getId());
        m.put("time", e.getReceivedAt());
        m.put("source", e.getSource().code());
        m.put("kind", e.getKind().code());
        m.put("name", e.getName());
        m.put("severity", e.getSeverity().code());
        m.put("message", e.getMessage());
        m.put("reductionKey", e.getReductionKey());
        m.put("alarmId", e.getAlarmId());
        m.put("ciId", e.getCiId());
        m.put("sourceAddress", e.getSourceAddress());
        m.put("ciResolvedBy", e.getCiResolvedBy());
        m.put("attributes", attributes(e.getAttributes()));
        return m;
    }

    private static Object attributes(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try (JsonReader r = JsonP.reader(new StringReader(json))) {
            return r.readObject();
        }
    }

    /** Why the alarm pages nobody: in English ({@code reason}) and as a message key with arguments, when it has them. */
    private static Map<String, Object> suppression(Alarm a) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kind", a.getSuppressionKind());
        s.put("ref", a.getSuppressionRef() == null ? "" : a.getSuppressionRef());
        s.put("reason", a.getSuppressionReason() == null ? "" : a.getSuppressionReason());
        s.put("reasonKey", a.getSuppressionReasonKey());
        s.put("reasonArgs", a.getSuppressionReasonArgs());
        return s;
    }
}
