package io.beacon.platform.rest;

import io.beacon.platform.domain.FieldError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document; {@code errors} names each offending field. A refusal told in the
 * reader's language also carries its message {@code key} and {@code args} (extension members), so a
 * client may render it itself.
 */
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
        String key, Map<String, Object> args) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = new MediaType("application", "problem+json");
    private static final String BASE = "https://beacon.dev/problems/";

    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, null, null);
    }

    public static Problem of(Response.Status status, String slug, String detail) {
        return new Problem(BASE + slug, status.getReasonPhrase(), status.getStatusCode(), detail, null, null);
    }

    public static Problem of(int status, String title, String slug, String detail, List<FieldError> errors) {
        return new Problem(BASE + slug, title, status, detail, null, errors == null || errors.isEmpty() ? null : errors);
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors, key, args);
    }

    /** The same problem told by a message key: {@code detail} is its text in the reader's language. */
    public Problem keyed(String messageKey, Map<String, Object> messageArgs, String localisedDetail) {
        // A keyed refusal names one field at most: its message is the refusal's.
        List<FieldError> localisedErrors = errors == null ? null : errors.size() != 1 ? errors
                : List.of(new FieldError(errors.get(0).field(), localisedDetail));
        return new Problem(type, title, status, localisedDetail, instance, localisedErrors, messageKey,
                messageArgs == null || messageArgs.isEmpty() ? null : messageArgs);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }
}
