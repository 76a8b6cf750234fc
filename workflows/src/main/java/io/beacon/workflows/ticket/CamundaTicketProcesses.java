package io.beacon.workflows.ticket;

import io.beacon.change.application.ProcessState;
import io.beacon.process.application.TicketProcesses;
import io.beacon.workflows.engine.ProcessEngineRuntime;
import io.beacon.workflows.task.ProcessStates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
public class CamundaTicketProcesses implements TicketProcesses {
    @Inject
    ProcessEngineRuntime runtime;

    @Override
    public ProcessState state(String ticketKey) {
        return ProcessStates.of(runtime.engine(), TicketProcessBridge.PROCESS, ticketKey);
    }
}
