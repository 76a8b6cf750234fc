package io.beacon.change.domain;

/** An approver's answer. */
public enum Decision {
    APPROVED, REJECTED;

    public String code() {
        return Codes.code(this);
    }
}
