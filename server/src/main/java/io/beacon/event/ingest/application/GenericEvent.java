package io.beacon.event.ingest.application;

import io.beacon.event.domain.Severity;
import java.util.Map;

/** An event posted by another monitor to {@code POST /api/events}. */
public record GenericEvent(String source, String ci, Severity severity, String name, String message, String key,
        boolean clear, Map<String, String> attributes) {}
