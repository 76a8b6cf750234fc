package io.beacon.event.ingest.rest;
import io.beacon.event.alarm.rest.AlarmViews;

import io.beacon.event.alarm.application.AlarmService;
import io.beacon.event.ingest.application.EventNotIngestedException;
import io.beacon.event.ingest.application.EventsShedException;
import io.beacon.event.ingest.application.GenericEvent;
import io.beacon.event.ingest.application.InboundChannels;
import io.beacon.event.ingest.application.IngestMetrics;
import io.beacon.event.ingest.application.IngestReceipt;
import io.beacon.event.ingest.application.TrapDefinitionCatalog;
import io.beacon.event.ingest.domain.AlertmanagerAlert;
import io.beacon.event.domain.EventSource;
import io.beacon.event.domain.Severity;
import io.beacon.event.EventSettings;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.PageRequest;
import io.beacon.platform.domain.Role;
import io.beacon.platform.domain.TooLargeException;
import io.beacon.platform.rest.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Events: the raw event log ({@code GET /api/events}), the generic JSON event endpoint, the
 * Alertmanager webhook and the trap definitions in force. A webhook answers 200 only once its
 * events are committed; under overload it answers 503 (the sender retries), bad input 400/422/413
 * as RFC 9457 problems, each counted. An event that failed a stage of its route was kept as a dead
 * letter: 422 when the event itself failed (sending it again would fail again), 503 when the
 * hand-off to the writer did.
 */
@Path("events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {
    @Inject
    AlarmService alarms;

    @Inject
    InboundChannels channels;

    @Inject
    TrapDefinitionCatalog definitions;

    @Inject
    IngestMetrics metrics;

    @Inject
    EventSettings settings;

    @GET
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME, Role.INTEGRATION_NAME})
    public Map<String, Object> list(@QueryParam("ciId") Long ciId, @QueryParam("alarmId") Long alarmId,
            @QueryParam("source") String source, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        EventSource src;
        try {
            src = source == null || source.isBlank() ? null : EventSource.fromCode(source);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("source", "must be snmp, alertmanager or api");
        }
        var listing = alarms.events(ciId, alarmId, src, PageRequest.of(page, size));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", listing.items().stream().map(AlarmViews::event).toList());
        out.put("total", listing.total());
        out.put("page", listing.page());
        out.put("size", listing.size());
        return out;
    }

    @GET
    @Path("trap-definitions")
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME, Role.INTEGRATION_NAME})
    public Map<String, Object> trapDefinitions() {
        var all = definitions.current().all();
        return Map.of("items", all.stream().map(TrapDefinitionViews::definition).toList(), "total", all.size(),
                "file", settings.trapDefinitionsFile().toString());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.INTEGRATION_NAME, Role.ADMIN_NAME})
    public Response post(InputStream body) {
        JsonObject json = read(body, "api");
        GenericEvent event;
        try {
            event = WebhookPayloads.genericEvent(json);
        } catch (InvalidInputException e) {
            metrics.webhookRejected("api", "invalid");
            throw e;
        }
        return answer(channels.event(event), "api");
    }

    @POST
    @Path("alertmanager")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.INTEGRATION_NAME, Role.ADMIN_NAME})
    public Response alertmanager(InputStream body) {
        JsonObject json = read(body, "alertmanager");
        List<AlertmanagerAlert> alerts;
        try {
            alerts = WebhookPayloads.alertmanager(json);
        } catch (InvalidInputException e) {
            metrics.webhookRejected("alertmanager", "invalid");
            throw e;
        }
        return answer(channels.alertmanager(alerts), "alertmanager");
    }

    private JsonObject read(InputStream body, String channel) {
        int max = settings.webhookMaxBytes();
        byte[] bytes;
        try {
            bytes = body.readNBytes(max + 1);
        } catch (IOException e) {
            metrics.webhookRejected(channel, "unreadable");
            throw new InvalidInputException("body", "could not be read");
        }
        if (bytes.length > max) {
            metrics.webhookRejected(channel, "too_large");
            throw new TooLargeException("a webhook body may have at most " + max + " bytes");
        }
        try {
            return WebhookPayloads.parse(bytes);
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            metrics.webhookRejected(channel, "malformed");
            throw new InvalidInputException("body", "is not a JSON object: " + e.getMessage());
        }
    }

    private Response answer(CompletableFuture<IngestReceipt> done, String channel) {
        try {
            IngestReceipt receipt = done.get(settings.ackTimeoutSeconds(), TimeUnit.SECONDS);
            return Response.ok(Map.of("accepted", receipt.events())).build();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof EventNotIngestedException failed) {
                return failed.retryable() ? unavailable(failed.getMessage()) : unprocessable(failed.getMessage());
            }
            return unavailable(e.getCause() instanceof EventsShedException shed ? shed.getMessage()
                    : "the events could not be stored");
        } catch (TimeoutException e) {
            return unavailable("the events were not stored in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable("interrupted");
        }
    }

    private static Response unprocessable(String detail) {
        return Problem.of(422, "Unprocessable Content", "event-not-processed", detail, null).toResponse();
    }

    private static Response unavailable(String detail) {
        Response problem = Problem.of(503, "Service Unavailable", "overloaded", detail + "; retry later", null).toResponse();
        return Response.fromResponse(problem).header("Retry-After", "5").build();
    }
}
