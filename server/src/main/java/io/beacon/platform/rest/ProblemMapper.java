package io.beacon.platform.rest;

import io.beacon.platform.domain.AccessDeniedException;
import io.beacon.platform.domain.BadParameterException;
import io.beacon.platform.domain.ConflictException;
import io.beacon.platform.domain.FieldError;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.NotFoundException;
import io.beacon.platform.domain.TooLargeException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every failure into an RFC 9457 problem answer, so that no client ever sees a stack trace. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable failure) {
        return problemFor(failure).at(uriInfo == null ? null : uriInfo.getRequestUri().getPath()).toResponse();
    }

    Problem problemFor(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof InvalidInputException e) {
            return Problem.of(422, "Invalid input", "invalid-input", e.getMessage(), e.errors());
        }
        if (t instanceof BadParameterException e) {
            return Problem.of(400, "Bad Request", "invalid-parameter", e.getMessage(), e.errors());
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
            return Problem.of(400, "Malformed request body", "malformed-json",
                    "the body is not valid JSON of the expected shape: " + rootMessage(t), null);
        }
        if (t instanceof WebApplicationException e) {
            Response r = e.getResponse();
            Response.StatusType s = r.getStatusInfo();
            if (s.getStatusCode() == 400 && rootCause(e) instanceof JsonException) {
                return Problem.of(400, "Malformed request body", "malformed-json", rootMessage(e), null);
            }
            return Problem.of(s.getStatusCode(), s.getReasonPhrase(), "http-" + s.getStatusCode(), e.getMessage(), null);
        }
        if (t instanceof PersistenceException && rootMessage(t).toLowerCase().contains("constraint")) {
            return Problem.of(409, "Conflict", "conflict", "the change conflicts with existing data", null);
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure " + incident, failure);
        return Problem.of(500, "Internal Server Error", "internal",
                "an unexpected error occurred; the server log has the details under " + incident, null);
    }

    private static FieldError fieldError(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        // "create.arg0.title" -> "title": the client knows the body's field names, not Java's.
        int dot = path.lastIndexOf('.');
        return new FieldError(dot >= 0 ? path.substring(dot + 1) : path, v.getMessage());
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
