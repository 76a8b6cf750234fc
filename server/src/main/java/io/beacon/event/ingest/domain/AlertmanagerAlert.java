package io.beacon.event.ingest.domain;

import java.util.Map;

/** One alert of an Alertmanager webhook (payload version 4), as sent. */
public record AlertmanagerAlert(String status, Map<String, String> labels, Map<String, String> annotations,
        String startsAt, String endsAt, String fingerprint, String generatorUrl) {
    public AlertmanagerAlert {
        labels = labels == null ? Map.of() : labels;
        annotations = annotations == null ? Map.of() : annotations;
    }
}
