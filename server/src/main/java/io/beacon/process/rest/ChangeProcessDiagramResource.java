package io.beacon.process.rest;

import io.beacon.change.application.ChangeService;
import io.beacon.platform.domain.Role;
import io.beacon.process.application.ProcessDiagrams;
import io.beacon.process.domain.ProcessDiagram;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A change's process drawn where it stands: {@code /api/changes/{id}/process/diagram}. Here rather than in
 * the change area's resource because the process area already builds on the change area (not the reverse).
 * The same readers as the change itself; an unknown change is the change's own 404.
 */
@Path("changes/{id}/process/diagram")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChangeProcessDiagramResource {
    @Inject
    ChangeService changes;

    @Inject
    ProcessDiagrams diagrams;

    @GET
    @RolesAllowed({Role.AGENT_NAME, Role.APPROVER_NAME, Role.ADMIN_NAME})
    @Transactional
    public ProcessDiagram diagram(@PathParam("id") String id) {
        return diagrams.ofChange(changes.find(id).getKey());
    }
}
