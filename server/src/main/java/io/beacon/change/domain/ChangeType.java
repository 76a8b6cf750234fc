package io.beacon.change.domain;

/** Standard: pre-approved from a template; normal: assessed and approved by the CAB; emergency: one approver, now. */
public enum ChangeType {
    STANDARD, NORMAL, EMERGENCY;

    public String code() {
        return Codes.code(this);
    }

    public static ChangeType fromCode(String field, String code) {
        return Codes.parse(ChangeType.class, field, code);
    }
}
