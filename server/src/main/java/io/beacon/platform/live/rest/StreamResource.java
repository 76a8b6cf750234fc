package io.beacon.platform.live.rest;

import io.beacon.platform.domain.Role;
import io.beacon.platform.live.StreamSignIns;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
    public void open(@Context SseEventSink sink, @Context Sse sse) {
        streams.open(signIns.ofCurrentRequest(), sink, sse);
    }
}
