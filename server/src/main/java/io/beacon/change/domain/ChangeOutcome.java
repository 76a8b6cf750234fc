package io.beacon.change.domain;

/** How a change ended, as its requester records it when closing it after the post-implementation review. */
public enum ChangeOutcome {
    SUCCESSFUL, FAILED, BACKED_OUT;

    public String code() {
        return Codes.code(this);
    }

    public static ChangeOutcome fromCode(String field, String code) {
        return Codes.parse(ChangeOutcome.class, field, code);
    }
}
