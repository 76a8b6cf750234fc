package io.beacon.workflows.decision;

import io.beacon.ticket.application.PriorityDecision;
import io.beacon.ticket.domain.Level;
import io.beacon.ticket.domain.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** The ticketPriority table: impact and urgency (high, medium, low) give P1..P4. */
@ApplicationScoped
public class CamundaPriorityDecision implements PriorityDecision {
    public static final String KEY = "ticketPriority";

    @Inject
    DecisionTables tables;

    public CamundaPriorityDecision() {}

    /** On the given tables, outside CDI (process tests). */
    public CamundaPriorityDecision(DecisionTables tables) {
        this.tables = tables;
    }

    @Override
    public Priority of(Level impact, Level urgency) {
        Map<String, Object> row = tables.evaluate(KEY, Map.of("impact", impact.code(), "urgency", urgency.code()));
        return Priority.fromCode(KEY + ".priority", DecisionTables.required(KEY, row, "priority"));
    }
}
