package io.beacon.platform.rest;

import io.beacon.platform.domain.AccessDeniedException;
import io.beacon.platform.domain.BadParameterException;
import io.beacon.platform.domain.ConflictException;
import io.beacon.platform.domain.DatabaseOutages;
import io.beacon.platform.domain.LockConflicts;
import io.beacon.platform.domain.SqlCauses;
import io.beacon.platform.domain.FieldError;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.MalformedBodyException;
import io.beacon.platform.domain.NotFoundException;
import io.beacon.platform.domain.TooLargeException;
import io.beacon.platform.web.StatusTexts;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure into an RFC 9457 problem answer, so that no client ever sees a stack trace;
 * refusals that the REST framework decides (no such path, method or media type) are told in plain
 * words, without its message ids, class names or full URLs.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());
    static final int RETRY_AFTER_SECONDS = 1;
    static final String DATABASE_RETRY_KEY = "problem.database.retry";

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable failure) {
        Problem problem = problemFor(failure);
        Response answer = localised(failure, problem).at(path()).toResponse();
        if (problem.status() == 503) {
            // nothing was written; the same request is expected to succeed a moment later
            return Response.fromResponse(answer).header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        if (failure instanceof WebApplicationException e && e.getResponse().getHeaderString("Allow") != null) {
            // a 405 says which methods the address takes
            return Response.fromResponse(answer).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return answer;
    }

    /** A refusal that names its message is told in the reader's language (their Accept-Language). */
    private Problem localised(Throwable failure, Problem problem) {
        if (problem.status() == 503) {
            return ProblemMessages.render(DATABASE_RETRY_KEY, java.util.Map.of(), ProblemMessages.language(acceptable()))
                    .map(text -> problem.keyed(DATABASE_RETRY_KEY, java.util.Map.of(), text)).orElse(problem);
        }
        Throwable t = unwrap(failure);
        if (!(t instanceof io.beacon.platform.domain.DomainException e) || e.messageKey() == null) {
            return problem;
        }
        String language = ProblemMessages.language(acceptable());
        return ProblemMessages.render(e.messageKey(), e.messageArgs(), language)
                .map(text -> problem.keyed(e.messageKey(), e.messageArgs(), text)).orElse(problem);
    }

    private List<java.util.Locale> acceptable() {
        try {
            return headers == null ? List.of() : headers.getAcceptableLanguages();
        } catch (RuntimeException outsideARequest) {
            return List.of();
        }
    }

    private String path() {
        try {
            return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        } catch (RuntimeException unparsable) {
            return null; // the failure may be that the request's address cannot be parsed
        }
    }

    private String method() {
        try {
            return request == null ? "this" : request.getMethod();
        } catch (RuntimeException outsideARequest) {
            return "this";
        }
    }

    /** The problem answer a failure gets (also for one item of a bulk request that answers per item). */
    public Problem problemFor(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof InvalidInputException e) {
            return Problem.of(422, "Invalid input", "invalid-input", e.getMessage(), e.errors());
        }
        if (t instanceof BadParameterException e) {
            return Problem.of(400, "Bad Request", "invalid-parameter", e.getMessage(), e.errors());
        }
        if (t instanceof MalformedBodyException e) {
            return Problem.of(400, "Malformed request body", "malformed-" + e.format(), e.getMessage(), null);
        }
        if (t instanceof TooLargeException e) {
            return Problem.of(413, "Content Too Large", "too-large", e.getMessage(), null);
        }
        if (t instanceof AccessDeniedException e) {
            return Problem.of(Response.Status.FORBIDDEN, "forbidden", e.getMessage());
        }
        if (t instanceof NotFoundException e) {
            return Problem.of(Response.Status.NOT_FOUND, "not-found", e.getMessage());
        }
        if (t instanceof ConflictException e) {
            return Problem.of(409, "Conflict", "conflict", e.getMessage(),
                    e.field() == null ? null : List.of(new FieldError(e.field(), e.getMessage())));
        }
        if (t instanceof OptimisticLockException) {
            return Problem.of(409, "Conflict", "conflict",
                    "someone else changed this at the same time; reload and apply your change again", null);
        }
        if (t instanceof ConstraintViolationException e) {
            List<FieldError> errors = e.getConstraintViolations().stream().map(ProblemMapper::fieldError).toList();
            return Problem.of(422, "Invalid input", "invalid-input", "the request has invalid fields", errors);
        }
        if (t instanceof JsonbException || t instanceof JsonException || t instanceof ProcessingException) {
            return malformedJson(t);
        }
        if (t instanceof WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 400 && rootCause(e) instanceof JsonException) {
                return malformedJson(e);
            }
            if (status < 500) {
                return Problem.of(status, StatusTexts.title(status), "http-" + status,
                        StatusTexts.detail(status, method()), null);
            }
        }
        if (t instanceof PersistenceException && identifierTaken(rootMessage(t))) {
            // Not the client's data but an identifier handed out twice: after a Galera node died in the middle
            // of a transaction, the sequence step taken in it was lost with it. The next try gets a fresh one.
            LOG.log(Level.WARNING, "Request not carried out, an identifier was taken already (retry advised): "
                    + rootMessage(t));
            return retry();
        }
        if (t instanceof PersistenceException && (rootMessage(t).toLowerCase().contains("constraint") || integrityViolation(t))) {
            return Problem.of(409, "Conflict", "conflict", "the change conflicts with existing data", null);
        }
        if (DatabaseOutages.connectionLost(failure) || LockConflicts.lost(failure)) {
            // A database node went away, or a conflicting transaction won (a Galera certification failure too):
            // the transaction rolled back whole, so the client may simply send the same request again.
            LOG.log(Level.WARNING, "Request not carried out, retry advised: " + rootMessage(failure));
            return retry();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure " + incident, failure);
        return Problem.of(500, "Internal Server Error", "internal",
                "an unexpected error occurred; the server log has the details under " + incident, null);
    }

    /**
     * A syntax error names its line and column; a body of the wrong shape is told in the API's terms,
     * not with the Java class the framework failed to fill.
     */
    private static Problem malformedJson(Throwable t) {
        Throwable root = rootCause(t);
        String detail = root instanceof JsonParsingException syntax
                ? "the body is not valid JSON: " + syntax.getMessage()
                : "the body is not JSON of the expected shape: each field must have the type the API documents";
        return Problem.of(400, "Malformed request body", "malformed-json", detail, null);
    }

    private static FieldError fieldError(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        // "create.arg0.title" -> "title": the client knows the body's field names, not Java's.
        int dot = path.lastIndexOf('.');
        return new FieldError(dot >= 0 ? path.substring(dot + 1) : path, v.getMessage());
    }

    /**
     * A generated identifier taken already: MariaDB's duplicate of a single number in a primary key. A
     * composite key ('5-7': a member added to a group twice, say) is the client's data, a conflict.
     */
    static boolean identifierTaken(String message) {
        return GENERATED_ID_TAKEN.matcher(message).find();
    }

    private static final java.util.regex.Pattern GENERATED_ID_TAKEN =
            java.util.regex.Pattern.compile("Duplicate entry '\\d+' for key 'PRIMARY'");

    /** Nothing was written and the same request is expected to succeed a moment later (the answer says Retry-After). */
    private static Problem retry() {
        return Problem.of(503, "Service Unavailable", "retry",
                "the database could not complete this request just now; nothing was saved; send it again", null);
    }

    /** SQL state class 23: the data conflicts with a key or constraint (MariaDB's duplicate entry says no more). */
    private static boolean integrityViolation(Throwable failure) {
        return SqlCauses.any(failure, sql -> sql.getSQLState() != null && sql.getSQLState().startsWith("23"));
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        for (int i = 0; i < 10 && current != null; i++) {
            if (current instanceof io.beacon.platform.domain.DomainException
                    || current instanceof OptimisticLockException
                    || current instanceof ConstraintViolationException) {
                return current;
            }
            current = current.getCause();
        }
        return t;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private static String rootMessage(Throwable t) {
        String m = rootCause(t).getMessage();
        return m == null ? rootCause(t).getClass().getSimpleName() : m;
    }
}
