package io.beacon.notification.rest;

import io.beacon.notification.application.NotificationService;
import io.beacon.notification.domain.Notification;
import io.beacon.platform.domain.Role;
import io.beacon.platform.security.CallerIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Map;

/** {@code /api/notifications}: the caller's own notifications, newest first, with the unread count. */
@Path("notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.REQUESTER_NAME, Role.AGENT_NAME, Role.APPROVER_NAME, Role.ADMIN_NAME})
public class NotificationResource {
    @Inject
    NotificationService service;

    @Inject
    CallerIdentity caller;

    public record NotificationView(long id, String kind, String actor, String ticketKey, String ticketTitle,
            String excerpt, Instant createdAt, boolean read) {
        static NotificationView of(Notification n) {
            return new NotificationView(n.getId(), n.getKind(), n.getActor(), n.getTicketKey(), n.getTicketTitle(),
                    n.getExcerpt(), n.getCreatedAt(), n.isRead());
        }
    }

    @GET
    @Transactional
    public Map<String, Object> list() {
        var inbox = service.inbox(caller.caller());
        return Map.of("items", inbox.items().stream().map(NotificationView::of).toList(), "unread", inbox.unread());
    }

    @POST
    @Path("{id}/read")
    @Transactional
    public NotificationView read(@PathParam("id") long id) {
        return NotificationView.of(service.markRead(caller.caller(), id));
    }

    @POST
    @Path("read-all")
    @Transactional
    public Map<String, Object> readAll() {
        return Map.of("marked", service.markAllRead(caller.caller()));
    }
}
