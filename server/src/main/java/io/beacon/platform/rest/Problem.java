package io.beacon.platform.rest;

import io.beacon.platform.domain.FieldError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem document; {@code errors} names each offending field. */
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);
    private static final String BASE = "https://beacon.dev/problems/";

    public static Problem of(Response.Status status, String slug, String detail) {
        return new Problem(BASE + slug, status.getReasonPhrase(), status.getStatusCode(), detail, null, null);
    }

    public static Problem of(int status, String title, String slug, String detail, List<FieldError> errors) {
        return new Problem(BASE + slug, title, status, detail, null, errors == null || errors.isEmpty() ? null : errors);
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }
}
