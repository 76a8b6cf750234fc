package io.beacon.platform.domain;

import java.util.ArrayList;
import java.util.List;

/** Collects field errors so that one answer names every offending field, not just the first. */
public final class Validator {
    private final List<FieldError> errors = new ArrayList<>();

    public Validator require(boolean condition, String field, String message) {
        if (!condition) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    public Validator text(String value, String field, boolean required, int maxLength) {
        if (value == null || value.isBlank()) {
            require(!required, field, "must not be blank");
        } else {
            require(value.length() <= maxLength, field, "must be at most " + maxLength + " characters");
        }
        return this;
    }

    public Validator add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
