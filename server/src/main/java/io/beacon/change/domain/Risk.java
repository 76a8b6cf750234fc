package io.beacon.change.domain;

/** How much a change could hurt if it goes wrong. */
public enum Risk {
    LOW, MEDIUM, HIGH;

    public String code() {
        return Codes.code(this);
    }

    public static Risk fromCode(String field, String code) {
        return Codes.parse(Risk.class, field, code);
    }
}
