package io.beacon.process.application;

import io.beacon.process.domain.ProcessDiagram;

/**
 * The diagrams of the ticket and change processes with their instances' progress (implemented by the
 * process engine). Callers check first that the caller may see the ticket or change: this port does not.
 */
public interface ProcessDiagrams {
    /** The lifecycle process of a ticket (business key = the ticket's key); 404 when it has none. */
    ProcessDiagram ofTicket(String ticketKey);

    /** The change-management process of a change (business key = the change's key); 404 when it has none. */
    ProcessDiagram ofChange(String changeKey);
}
