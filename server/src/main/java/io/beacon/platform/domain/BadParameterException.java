package io.beacon.platform.domain;

import java.util.List;

/**
 * A query parameter that cannot be understood (a malformed date, an unknown zone, a range too
 * long): the request itself is wrong, so it answers 400, naming each offending parameter.
 */
public class BadParameterException extends DomainException {
    private final List<FieldError> errors;

    public BadParameterException(List<FieldError> errors) {
        super(String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()));
        this.errors = List.copyOf(errors);
    }

    public BadParameterException(String parameter, String message) {
        this(List.of(new FieldError(parameter, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
