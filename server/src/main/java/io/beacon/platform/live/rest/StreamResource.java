package io.beacon.platform.live.rest;

import io.beacon.platform.domain.Role;
import io.beacon.platform.live.StreamSignIns;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code GET /api/stream}: server-sent events for the signed-in user. Events are named by topic
 * ({@code ticket}, {@code alarm}, {@code task}) and carry {@code {"kind", "id", "key"}}; the
 * console then fetches what changed through the ordinary API, so the stream never leaks content.
 * Each update has an event id; a stream opened with {@code Last-Event-ID} (or {@code ?lastEventId=})
 * first gets the updates after it that the server still keeps.
 */
@Path("stream")
@RequestScoped
public class StreamResource {
    @Inject
    StreamSignIns signIns;

    @Inject
    LiveStreams streams;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Role.REQUESTER_NAME, Role.AGENT_NAME, Role.APPROVER_NAME, Role.ADMIN_NAME})
    public void open(@Context SseEventSink sink, @Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId,
            @QueryParam("lastEventId") String resumeFrom) {
        // The browser sends Last-Event-ID when it reconnects a stream itself; a new stream (a console tab
        // taking over from one that closed) names the last event it saw in the query instead.
        streams.open(signIns.ofCurrentRequest(), sink, sse, lastEventId != null ? lastEventId : resumeFrom);
    }
}
