package io.beacon.platform.domain;

/** Which page of a list to return; pages count from 0. */
public record PageRequest(int page, int size) {
    public static final int MAX_SIZE = 1000;
    public static final int DEFAULT_SIZE = 50;

    public PageRequest {
        Validator v = new Validator();
        v.require(page >= 0, "page", "must be 0 or more");
        v.require(size >= 1 && size <= MAX_SIZE, "size", "must be between 1 and " + MAX_SIZE);
        v.throwIfInvalid();
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public int offset() {
        return page * size;
    }
}
