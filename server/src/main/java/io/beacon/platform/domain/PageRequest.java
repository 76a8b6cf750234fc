package io.beacon.platform.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Which page of a list to return; pages count from 0. Page and size come from the query string,
 * so a bad one answers 400; the first row's offset must fit the database's int offsets.
 */
public record PageRequest(int page, int size) {
    public static final int MAX_SIZE = 1000;
    public static final int DEFAULT_SIZE = 50;

    public PageRequest {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_SIZE));
        } else if ((long) page * size > Integer.MAX_VALUE) {
            errors.add(new FieldError("page", "must be at most " + Integer.MAX_VALUE / size + " with pages of " + size));
        }
        if (!errors.isEmpty()) {
            throw new BadParameterException(errors);
        }
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public int offset() {
        return page * size;
    }
}
