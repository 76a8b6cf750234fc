package io.beacon.ticket.domain;

/** What priority an impact and an urgency give; the ticket follows it until someone sets the priority by hand. */
@FunctionalInterface
public interface PriorityMatrix {
    Priority of(Level impact, Level urgency);
}
