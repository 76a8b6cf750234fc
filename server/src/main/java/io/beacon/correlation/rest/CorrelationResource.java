package io.beacon.correlation.rest;

import io.beacon.cmdb.application.CmdbView;
import io.beacon.correlation.application.CorrelationEngine;
import io.beacon.correlation.application.CorrelationIndexes;
import io.beacon.correlation.CorrelationSettings;
import io.beacon.platform.domain.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/** What correlation works with right now: {@code GET /api/correlation} (its rules and in-memory indexes). */
@Path("correlation")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CorrelationResource {
    @Inject
    CorrelationEngine engine;

    @Inject
    CorrelationIndexes indexes;

    @Inject
    CmdbView cmdb;

    @Inject
    CorrelationSettings settings;

    @GET
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    public Map<String, Object> status() {
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("symptomWindowSeconds", settings.symptomWindow().toSeconds());
        rules.put("flapCount", settings.flapCount());
        rules.put("flapWindowSeconds", settings.flapWindow().toSeconds());
        rules.put("flapQuietSeconds", settings.flapQuiet().toSeconds());
        rules.put("recurrenceSeconds", settings.recurrence().toSeconds());
        rules.put("suspectWindowSeconds", settings.suspectWindow().toSeconds());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("relations", cmdb.relationCount());
        out.put("plannedWork", indexes.plannedWorkLoaded());
        out.put("alarmsRemembered", engine.remembered());
        out.put("rules", rules);
        return out;
    }
}
