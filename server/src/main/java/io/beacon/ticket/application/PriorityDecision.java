package io.beacon.ticket.application;

import io.beacon.ticket.domain.PriorityMatrix;

/** Port: a ticket's priority from its impact and urgency (the ticketPriority decision). */
public interface PriorityDecision extends PriorityMatrix {}
