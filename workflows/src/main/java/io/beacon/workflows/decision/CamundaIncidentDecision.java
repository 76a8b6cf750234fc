package io.beacon.workflows.decision;

import io.beacon.mail.application.IncidentDecision;
import io.beacon.ticket.domain.TicketType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/** The mailIncident table: a new mail's sender, subject and the mail settings' signals give the ticket type. */
@ApplicationScoped
public class CamundaIncidentDecision implements IncidentDecision {
    public static final String KEY = "mailIncident";

    @Inject
    DecisionTables tables;

    public CamundaIncidentDecision() {}

    /** On the given tables, outside CDI (process tests). */
    public CamundaIncidentDecision(DecisionTables tables) {
        this.tables = tables;
    }

    @Override
    public TicketType ticketType(String fromAddress, String subject, boolean listedSender, boolean subjectMatches) {
        Map<String, Object> inputs = new HashMap<>(); // a mail may come without sender or subject
        inputs.put("fromAddress", fromAddress);
        inputs.put("subject", subject);
        inputs.put("listedSender", listedSender);
        inputs.put("subjectMatches", subjectMatches);
        return TicketType.fromCode(KEY + ".ticketType",
                DecisionTables.required(KEY, tables.evaluate(KEY, inputs), "ticketType"));
    }
}
