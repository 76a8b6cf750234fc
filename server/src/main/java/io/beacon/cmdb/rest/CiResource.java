package io.beacon.cmdb.rest;

import io.beacon.platform.domain.JsonP;
import io.beacon.cmdb.application.CiChanges;
import io.beacon.cmdb.application.CiImportRow;
import io.beacon.cmdb.application.CiImporter;
import io.beacon.cmdb.application.CiReach;
import io.beacon.cmdb.application.CmdbService;
import io.beacon.cmdb.application.ImportResult;
import io.beacon.cmdb.domain.CiFilter;
import io.beacon.cmdb.domain.CiInput;
import io.beacon.cmdb.domain.CiRelation;
import io.beacon.cmdb.domain.CiType;
import io.beacon.cmdb.domain.ConfigurationItem;
import io.beacon.cmdb.domain.ConfigurationItems;
import io.beacon.cmdb.domain.NetworkAddresses;
import io.beacon.platform.config.RequestSettings;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.MalformedBodyException;
import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import io.beacon.platform.domain.Role;
import io.beacon.platform.domain.TooLargeException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Configuration items and their relations: read by the desk and by integrations, changed by agents
 * and admins, bulk-imported by admins and integrations.
 */
@Path("cis")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CiResource {
    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String TEXT_CSV = "text/csv";

    @Inject
    CmdbService service;

    @Inject
    CiImporter importer;

    @Inject
    ConfigurationItems items;

    @Inject
    RequestSettings limits;

    public record RelationCreate(String type, Long targetId, String target) {}

    @POST
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    @Transactional
    public Response create(String body, @Context UriInfo uri) {
        JsonObject o = object(body);
        CiChanges c = CiJson.changes(o, true);
        ConfigurationItem ci = service.create(c.applyTo(new CiInput(null, null, null, null, null, null, Map.of())));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(ci.getId())).build())
                .tag(etag(ci)).entity(CiDetailView.of(ci, List.of())).build();
    }

    @GET
    @RolesAllowed({Role.AGENT_NAME, Role.APPROVER_NAME, Role.ADMIN_NAME, Role.INTEGRATION_NAME})
    @Transactional
    public Page<CiView> list(@QueryParam("ip") String ip, @QueryParam("name") String name,
            @QueryParam("type") String type, @QueryParam("q") String q, @QueryParam("ownerGroup") String ownerGroup,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        String normalIp = null;
        if (ip != null && !ip.isBlank()) {
            normalIp = NetworkAddresses.normaliseIp(ip)
                    .orElseThrow(() -> new InvalidInputException("ip", "'" + ip + "' is not an IPv4 or IPv6 address"));
        }
        CiType t = type == null || type.isBlank() ? null : CiType.fromCode("type", type);
        CiFilter filter = new CiFilter(normalIp, blankToNull(name), t, blankToNull(q), blankToNull(ownerGroup));
        return service.list(filter, PageRequest.of(page, size)).map(CiView::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.AGENT_NAME, Role.APPROVER_NAME, Role.ADMIN_NAME, Role.INTEGRATION_NAME})
    @Transactional
    public Response get(@PathParam("id") String id) {
        ConfigurationItem ci = service.get(id);
        return Response.ok(CiDetailView.of(ci, service.linksOf(ci))).tag(etag(ci)).build();
    }

    /** A JSON merge-patch; the version to change comes as "version" in the body or as If-Match. */
    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    @Transactional
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        JsonObject o = object(body);
        Long version = CiJson.number(o.get("version"), "version");
        Long fromHeader = ifMatchVersion(ifMatch);
        if (version != null && fromHeader != null && !version.equals(fromHeader)) {
            throw new InvalidInputException("version", "the body says version " + version + ", If-Match says "
                    + fromHeader);
        }
        ConfigurationItem ci = service.update(id, CiJson.changes(o, false), version != null ? version : fromHeader);
        return Response.ok(CiDetailView.of(ci, service.linksOf(ci))).tag(etag(ci)).build();
    }

    @GET
    @Path("{id}/relations")
    @RolesAllowed({Role.AGENT_NAME, Role.APPROVER_NAME, Role.ADMIN_NAME, Role.INTEGRATION_NAME})
    @Transactional
    public Map<String, Object> relations(@PathParam("id") String id) {
        List<CiDetailView.LinkView> links = service.linksOf(service.get(id)).stream()
                .map(CiDetailView.LinkView::of).toList();
        return Map.of("items", links, "total", links.size());
    }

    /** Relates this CI to another: "this type target", the target by {@code targetId} or by name ({@code target}). */
    @POST
    @Path("{id}/relations")
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    @Transactional
    public Response relate(@PathParam("id") String id, RelationCreate body, @Context UriInfo uri) {
        if (body == null) {
            throw new InvalidInputException("body", "a JSON object is required");
        }
        CiRelation r = service.relate(id, body.type(), body.targetId(), body.target());
        Map<Long, String> names = items.namesOf(Set.of(r.getSourceId(), r.getTargetId()));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(r.getId())).build())
                .entity(RelationView.of(r, names.get(r.getSourceId()), names.get(r.getTargetId()))).build();
    }

    @DELETE
    @Path("{id}/relations/{relationId}")
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    @Transactional
    public Response unrelate(@PathParam("id") String id, @PathParam("relationId") long relationId) {
        service.unrelate(id, relationId);
        return Response.noContent().build();
    }

    /** Every CI that depends on this one, directly or transitively (impact analysis). */
    @GET
    @Path("{id}/dependants")
    @RolesAllowed({Role.AGENT_NAME, Role.APPROVER_NAME, Role.ADMIN_NAME, Role.INTEGRATION_NAME})
    @Transactional
    public Map<String, Object> dependants(@PathParam("id") String id) {
        ConfigurationItem ci = service.get(id);
        return walk(ci, service.dependants(ci));
    }

    /** Every CI this one depends on, directly or transitively. */
    @GET
    @Path("{id}/dependencies")
    @RolesAllowed({Role.AGENT_NAME, Role.APPROVER_NAME, Role.ADMIN_NAME, Role.INTEGRATION_NAME})
    @Transactional
    public Map<String, Object> dependencies(@PathParam("id") String id) {
        ConfigurationItem ci = service.get(id);
        return walk(ci, service.dependencies(ci));
    }

    private static Map<String, Object> walk(ConfigurationItem ci, List<CiReach> reaches) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ci", Map.of("id", ci.getId(), "name", ci.getName(), "type", ci.getType().code()));
        out.put("items", reaches.stream().map(ReachView::of).toList());
        out.put("total", reaches.size());
        return out;
    }

    @POST
    @Path("import")
    @Consumes(TEXT_CSV)
    @RolesAllowed({Role.ADMIN_NAME, Role.INTEGRATION_NAME})
    public Map<String, Object> importCsv(InputStream body, @HeaderParam("Content-Length") Long length) {
        return answer(importer.importItems(CiCsv.read(read(body, length))));
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN_NAME, Role.INTEGRATION_NAME})
    public Map<String, Object> importJson(InputStream body, @HeaderParam("Content-Length") Long length) {
        JsonValue json;
        try (JsonReader reader = JsonP.reader(new StringReader(read(body, length)))) {
            json = reader.readValue();
        }
        List<CiImportRow> rows = CiJson.importRows(json);
        return answer(importer.importItems(rows));
    }

    private static Map<String, Object> answer(ImportResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("created", r.created());
        out.put("updated", r.updated());
        out.put("unchanged", r.unchanged());
        out.put("relationsCreated", r.relationsCreated());
        out.put("rejected", r.rejected().stream().map(x -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(x.locator(), x.position());
            if (x.name() != null) {
                m.put("name", x.name());
            }
            m.put("reason", x.reason());
            return m;
        }).toList());
        return out;
    }

    /** The whole body as UTF-8 text, refused with 413 beyond the configured size. */
    private String read(InputStream in, Long length) {
        long importMaxBytes = limits.importMaxBytes();
        if (length != null && length > importMaxBytes) {
            throw tooLarge(importMaxBytes);
        }
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(length == null ? 64 * 1024
                    : (int) Math.min(length, importMaxBytes));
            byte[] chunk = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(chunk)) > 0; ) {
                total += n;
                if (total > importMaxBytes) {
                    throw tooLarge(importMaxBytes);
                }
                buffer.write(chunk, 0, n);
            }
            return buffer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("body", "could not be read: " + e.getMessage());
        }
    }

    private static TooLargeException tooLarge(long importMaxBytes) {
        return new TooLargeException("an import may carry at most " + importMaxBytes + " bytes");
    }

    private static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "a JSON object is required");
        }
        JsonValue v;
        try (JsonReader reader = JsonP.reader(new StringReader(body))) {
            v = reader.readValue();
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedBodyException("json", "the body must be a JSON object");
        }
        return v.asJsonObject();
    }

    private static EntityTag etag(ConfigurationItem ci) {
        return new EntityTag(String.valueOf(ci.getVersion()));
    }

    /** The version an If-Match header names ("3", W/"3" or 3); null when absent or "*". */
    static Long ifMatchVersion(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String v = header.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "").trim();
        if (!v.matches("\\d{1,18}")) {
            throw new InvalidInputException("If-Match", "must be the ETag of the CI, like \"3\"");
        }
        return Long.parseLong(v);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
