package io.beacon.ticket.rest;

import io.beacon.change.application.ProcessState;
import io.beacon.platform.domain.Role;
import io.beacon.platform.security.CallerIdentity;
import io.beacon.process.application.ProcessDiagrams;
import io.beacon.process.application.TicketProcesses;
import io.beacon.process.domain.ProcessDiagram;
import io.beacon.ticket.application.TicketQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Where a ticket's lifecycle process stands: {@code /api/tickets/{id}/process} and its {@code /diagram}. */
@Path("tickets/{id}/process")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TicketProcessResource {
    @Inject
    TicketQueries queries;

    @Inject
    TicketProcesses processes;

    @Inject
    ProcessDiagrams diagrams;

    @Inject
    CallerIdentity caller;

    @GET
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME, Role.APPROVER_NAME})
    @Transactional
    public ProcessState get(@PathParam("id") String id) {
        // Through the ticket queries, so that who may not see the ticket gets 404 here too.
        return processes.state(queries.details(caller.caller(), id).ticket().getKey());
    }

    /**
     * The ticket's process drawn where it stands: the BPMN of the version its instance runs, the active and
     * completed activities, whether it has ended. Whoever may read the ticket may read this (a requester their
     * own tickets); anyone else gets the ticket's own 404.
     */
    @GET
    @Path("diagram")
    @RolesAllowed({Role.REQUESTER_NAME, Role.AGENT_NAME, Role.ADMIN_NAME, Role.APPROVER_NAME})
    @Transactional
    public ProcessDiagram diagram(@PathParam("id") String id) {
        return diagrams.ofTicket(queries.details(caller.caller(), id).ticket().getKey());
    }
}
