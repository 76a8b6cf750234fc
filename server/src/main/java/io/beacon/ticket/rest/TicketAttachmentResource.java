package io.beacon.ticket.rest;

import io.beacon.platform.config.BeaconConfig;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.Role;
import io.beacon.platform.domain.TooLargeException;
import io.beacon.platform.security.CallerIdentity;
import io.beacon.ticket.application.TicketQueries;
import io.beacon.ticket.application.TicketService;
import io.beacon.ticket.domain.TicketAttachment;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files on a ticket: upload as {@code multipart/form-data} (one or more parts named {@code file})
 * or as the raw body with the name in {@code Content-Disposition} or {@code ?fileName=}; download
 * always as an attachment, so that a browser never renders an uploaded page.
 */
@Path("tickets/{id}/attachments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TicketAttachmentResource {
    private static final Pattern FILENAME_STAR = Pattern.compile("filename\\*\\s*=\\s*([^']*)'[^']*'([^;]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILENAME = Pattern.compile("filename\\s*=\\s*\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

    @Inject
    TicketService service;

    @Inject
    TicketQueries queries;

    @Inject
    CallerIdentity caller;

    @Inject
    BeaconConfig config;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Role.REQUESTER_NAME, Role.AGENT_NAME, Role.ADMIN_NAME})
    @Transactional
    public Response uploadForm(@PathParam("id") String id, List<EntityPart> parts) throws IOException {
        List<TicketViews.AttachmentView> stored = new ArrayList<>();
        for (EntityPart part : parts) {
            if (part.getFileName().isEmpty()) {
                continue; // a plain form field, not a file
            }
            byte[] content = readLimited(part.getContent(), config.attachmentMaxBytes());
            TicketAttachment a = service.attach(caller.caller(), id, part.getFileName().get(),
                    part.getMediaType() == null ? null : part.getMediaType().getType() + "/" + part.getMediaType().getSubtype(),
                    content);
            stored.add(TicketViews.AttachmentView.of(keyOf(id), a));
        }
        if (stored.isEmpty()) {
            throw new InvalidInputException("file", "the form holds no file part");
        }
        return Response.status(Response.Status.CREATED).entity(Map.of("items", stored, "total", stored.size())).build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Role.REQUESTER_NAME, Role.AGENT_NAME, Role.ADMIN_NAME})
    @Transactional
    public Response uploadRaw(@PathParam("id") String id, @QueryParam("fileName") String fileName,
            @HeaderParam("Content-Disposition") String disposition, @HeaderParam("Content-Type") String contentType,
            InputStream body) throws IOException {
        String name = fileName != null ? fileName : fileNameFrom(disposition);
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("fileName", "name the file with ?fileName= or a Content-Disposition header");
        }
        byte[] content = readLimited(body, config.attachmentMaxBytes());
        TicketAttachment a = service.attach(caller.caller(), id, name,
                contentType == null ? null : contentType.split(";")[0].strip(), content);
        return Response.status(Response.Status.CREATED).entity(TicketViews.AttachmentView.of(keyOf(id), a)).build();
    }

    @GET
    @Path("{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Role.REQUESTER_NAME, Role.AGENT_NAME, Role.ADMIN_NAME, Role.APPROVER_NAME})
    @Transactional
    public Response download(@PathParam("id") String id, @PathParam("attachmentId") long attachmentId) {
        TicketQueries.File file = queries.attachment(caller.caller(), id, attachmentId);
        TicketAttachment a = file.attachment();
        String ascii = a.getFileName().replaceAll("[^\\x20-\\x7e]", "_").replace("\\", "_");
        String encoded = URLEncoder.encode(a.getFileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(file.content(), a.getContentType())
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header("ETag", "\"" + a.getSha256() + "\"")
                .build();
    }

    private String keyOf(String id) {
        return queries.details(caller.caller(), id).ticket().getKey();
    }

    /** A file's bytes, refused when empty or larger than {@code max} (BEACON_ATTACHMENT_MAX_BYTES). */
    static byte[] readLimited(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > max) {
                throw new TooLargeException("the file is larger than the limit of " + max
                        + " bytes (BEACON_ATTACHMENT_MAX_BYTES)");
            }
            out.write(buffer, 0, n);
        }
        if (total == 0) {
            throw new InvalidInputException("file", "the file is empty");
        }
        return out.toByteArray();
    }

    /** RFC 6266: {@code filename*=UTF-8''%ED%95%9C.txt} wins over {@code filename="a.txt"}. */
    static String fileNameFrom(String disposition) {
        if (disposition == null) {
            return null;
        }
        Matcher star = FILENAME_STAR.matcher(disposition);
        if (star.find()) {
            String charset = star.group(1).isBlank() ? "UTF-8" : star.group(1).strip();
            try {
                return URLDecoder.decode(star.group(2).strip().replace("+", "%2B"), charset);
            } catch (IllegalArgumentException | java.io.UnsupportedEncodingException e) {
                throw new InvalidInputException("Content-Disposition", "the filename* parameter cannot be decoded");
            }
        }
        Matcher plain = FILENAME.matcher(disposition);
        return plain.find() ? plain.group(1).strip() : null;
    }
}
