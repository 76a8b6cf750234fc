package io.beacon.workflows.decision;

import io.beacon.event.domain.Severity;
import io.beacon.event.incident.application.AlarmPriorityDecision;
import io.beacon.ticket.domain.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/** The alarmPriority table: an alarm's severity gives its incident's priority, or nothing (impact × urgency decide). */
@ApplicationScoped
public class CamundaAlarmPriorityDecision implements AlarmPriorityDecision {
    public static final String KEY = "alarmPriority";

    @Inject
    DecisionTables tables;

    public CamundaAlarmPriorityDecision() {}

    /** On the given tables, outside CDI (process tests). */
    public CamundaAlarmPriorityDecision(DecisionTables tables) {
        this.tables = tables;
    }

    @Override
    public Optional<String> priority(Severity severity) {
        Object priority = tables.evaluate(KEY, Map.of("severity", severity.code())).get("priority");
        // Checked here, so that a replaced table with a typo fails on its own name rather than the ticket's.
        return Optional.ofNullable(priority).map(p -> Priority.fromCode(KEY + ".priority", p.toString()).code());
    }
}
