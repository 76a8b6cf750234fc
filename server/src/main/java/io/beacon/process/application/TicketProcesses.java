package io.beacon.process.application;

import io.beacon.change.application.ProcessState;

/** Where the lifecycle process of a ticket stands (implemented by the process engine). */
public interface TicketProcesses {
    ProcessState state(String ticketKey);
}
