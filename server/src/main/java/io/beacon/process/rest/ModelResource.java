package io.beacon.process.rest;

import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.Role;
import io.beacon.platform.rest.JsonBody;
import io.beacon.platform.security.CallerIdentity;
import io.beacon.process.application.ModelDeployment;
import io.beacon.process.application.ProcessModel;
import io.beacon.process.application.ProcessModels;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The processes and decision tables for administrators: {@code /api/models} lists them with their versions,
 * {@code .../versions/{n}/xml} downloads one, PUT (the XML as the body) or POST (a form with a {@code model} file
 * and, for a table, an optional {@code cases} file) replaces one, {@code .../rollback} restores an earlier version.
 */
@Path("models")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class ModelResource {
    private static final Set<String> ROLLBACK_FIELDS = Set.of("version", "migrate");

    @Inject
    ProcessModels models;

    @Inject
    CallerIdentity caller;

    @GET
    public Map<String, Object> list() {
        List<ProcessModel> items = models.models();
        return Map.of("items", items, "total", items.size());
    }

    @GET
    @Path("{key}")
    public ProcessModel get(@PathParam("key") String key) {
        return models.model(key);
    }

    @GET
    @Path("{key}/versions/{version}/xml")
    @Produces({MediaType.APPLICATION_XML, MediaType.APPLICATION_JSON})
    public Response xml(@PathParam("key") String key, @PathParam("version") int version) {
        ProcessModels.ModelFile file = models.file(key, version);
        return Response.ok(file.content(), MediaType.APPLICATION_XML_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"").build();
    }

    /** A decision table version's sample cases (its own, or the shipped ones), to edit and send with a changed table. */
    @GET
    @Path("{key}/versions/{version}/cases")
    @Produces(MediaType.APPLICATION_JSON)
    public Response cases(@PathParam("key") String key, @PathParam("version") int version) {
        ProcessModels.ModelFile file = models.cases(key, version);
        return Response.ok(file.content(), MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"").build();
    }

    /** The XML as the request body ({@code curl -T file.dmn} or {@code --data-binary @file.dmn}). */
    @PUT
    @Path("{key}")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    public Response replace(@PathParam("key") String key, @QueryParam("migrate") boolean migrate, InputStream body)
            throws IOException {
        return created(models.upload(caller.caller(), key, body.readAllBytes(), null, migrate));
    }

    /** A form: {@code model} (the XML file), optional {@code cases} (a decision table's sample cases), optional {@code migrate}. */
    @POST
    @Path("{key}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("key") String key, @QueryParam("migrate") boolean migrate,
            List<EntityPart> parts) throws IOException {
        byte[] xml = null;
        byte[] cases = null;
        boolean migrateField = false;
        for (EntityPart part : parts) {
            switch (part.getName()) {
                case "model", "file" -> xml = part.getContent().readAllBytes();
                case "cases" -> cases = part.getContent().readAllBytes();
                case "migrate" -> migrateField = Boolean.parseBoolean(part.getContent(String.class).strip());
                default -> throw new InvalidInputException(part.getName(), "unknown field: send model, cases and migrate");
            }
        }
        if (xml == null || xml.length == 0) {
            throw new InvalidInputException("model", "the form holds no model file");
        }
        return created(models.upload(caller.caller(), key, xml, cases == null || cases.length == 0 ? null : cases,
                migrate || migrateField));
    }

    /** {@code {"version": 2, "migrate": false}}. */
    @POST
    @Path("{key}/rollback")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response rollback(@PathParam("key") String key, JsonObject json) {
        JsonBody body = JsonBody.of(json == null ? JsonObject.EMPTY_JSON_OBJECT : json, ROLLBACK_FIELDS);
        Long version = body.number("version");
        Boolean migrate = body.bool("migrate");
        body.validate();
        if (version == null) {
            throw new InvalidInputException("version", "name the version to roll back to");
        }
        return created(models.rollback(caller.caller(), key, version.intValue(), Boolean.TRUE.equals(migrate)));
    }

    private static Response created(ModelDeployment deployed) {
        return Response.status(Response.Status.CREATED).entity(deployed).build();
    }
}
