package io.beacon.mail.rest;

import io.beacon.mail.application.MailTemplateService;
import io.beacon.mail.application.OutboxService;
import io.beacon.mail.domain.OutboxMail;
import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import io.beacon.platform.domain.Role;
import io.beacon.platform.rest.JsonBody;
import io.beacon.platform.security.CallerIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The mail channel for administrators: what is in the outbox, and the wording of the notifications. */
@Path("mail")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class MailResource {
    private static final Set<String> TEMPLATE_FIELDS = Set.of("subject", "body");

    @Inject
    OutboxService outbox;

    @Inject
    MailTemplateService templates;

    @Inject
    CallerIdentity caller;

    /** One mail of the outbox as the API shows it. */
    public record OutboxView(long id, String kind, String ticketKey, String recipient, String subject, String status,
            int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt, String messageId,
            String inReplyTo) {
        static OutboxView of(OutboxMail m) {
            return new OutboxView(m.getId(), m.getKind(), m.getTicketKey(), m.getRecipient(), m.getSubject(),
                    m.getStatus().code(), m.getAttempts(), m.getNextAttemptAt(), m.getLastError(), m.getCreatedAt(),
                    m.getSentAt(), m.getMessageId(), m.getInReplyTo());
        }
    }

    @GET
    @Path("outbox")
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public Map<String, Object> outbox(@QueryParam("status") String status, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        Page<OutboxView> p = outbox.list(status, PageRequest.of(page, size)).map(OutboxView::of);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", p.items());
        out.put("total", p.total());
        out.put("page", p.page());
        out.put("size", p.size());
        out.put("pending", outbox.pending());
        return out;
    }

    @POST
    @Path("outbox/{id}/retry")
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public OutboxView retry(@PathParam("id") long id) {
        return OutboxView.of(outbox.retry(id));
    }

    @GET
    @Path("templates")
    @RolesAllowed(Role.ADMIN_NAME)
    public Map<String, Object> templates() {
        List<MailTemplateService.TemplateText> items = templates.list();
        return Map.of("items", items, "total", items.size());
    }

    @GET
    @Path("templates/{name}/{locale}")
    @RolesAllowed(Role.ADMIN_NAME)
    public MailTemplateService.TemplateText template(@PathParam("name") String name,
            @PathParam("locale") String locale) {
        return templates.get(name, locale);
    }

    @PUT
    @Path("templates/{name}/{locale}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    public MailTemplateService.TemplateText edit(@PathParam("name") String name, @PathParam("locale") String locale,
            JsonObject json) {
        JsonBody body = JsonBody.of(json, TEMPLATE_FIELDS);
        return templates.put(caller.caller(), name, locale, body.string("subject"), body.string("body"));
    }

    @DELETE
    @Path("templates/{name}/{locale}")
    @RolesAllowed(Role.ADMIN_NAME)
    public MailTemplateService.TemplateText reset(@PathParam("name") String name, @PathParam("locale") String locale) {
        return templates.reset(name, locale);
    }
}
