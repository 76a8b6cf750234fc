package io.beacon.change.domain;

import io.beacon.platform.domain.SystemText;
import jakarta.persistence.Column;
import java.util.Map;
import jakarta.persistence.Embeddable;

/**
 * Why approvers should look twice: an overlapping approved change ("change"), a freeze window ("freeze") or a
 * monitoring maintenance window on one of the change's CIs ("maintenance").
 */
@Embeddable
public class ChangeConflict {
    public static final String CHANGE = "change";
    public static final String FREEZE = "freeze";
    public static final String MAINTENANCE = "maintenance";

    @Column(nullable = false, length = 16)
    private String kind;

    @Column(nullable = false, length = 200)
    private String ref;

    @Column(nullable = false, length = 1000)
    private String reason;

    /** The reason as a message key with arguments, for each reader's language (null on older rows: English only). */
    @Column(name = "reason_key", length = 100)
    private String reasonKey;

    @Column(name = "reason_args")
    private String reasonArgs;

    protected ChangeConflict() {}

    public ChangeConflict(String kind, String ref, SystemText reason) {
        this.kind = kind;
        this.ref = ref.length() > 200 ? ref.substring(0, 200) : ref;
        this.reason = reason.cut(1000).text();
        this.reasonKey = reason.key();
        this.reasonArgs = reason.argsJson();
    }

    public String getKind() {
        return kind;
    }

    public String getRef() {
        return ref;
    }

    public String getReason() {
        return reason;
    }

    public String getReasonKey() {
        return reasonKey;
    }

    public Map<String, String> getReasonArgs() {
        return reasonKey == null ? null : SystemText.parseArgs(reasonArgs);
    }
}
