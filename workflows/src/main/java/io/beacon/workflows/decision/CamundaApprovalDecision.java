package io.beacon.workflows.decision;

import io.beacon.change.application.ApprovalDecision;
import io.beacon.change.domain.ApprovalRule;
import io.beacon.change.domain.ChangeType;
import io.beacon.change.domain.Risk;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;

/** The changeApproval table: change type and risk give the approvers (cab, emergency, nobody) and the rule. */
@ApplicationScoped
public class CamundaApprovalDecision implements ApprovalDecision {
    public static final String KEY = "changeApproval";

    @Inject
    DecisionTables tables;

    public CamundaApprovalDecision() {}

    /** On the given tables, outside CDI (process tests). */
    public CamundaApprovalDecision(DecisionTables tables) {
        this.tables = tables;
    }

    @Override
    public Approval approval(ChangeType type, Risk risk) {
        Map<String, Object> row = tables.evaluate(KEY, Map.of("changeType", type.code(), "risk", risk.code()));
        String approvers = DecisionTables.required(KEY, row, "approvers").strip().toUpperCase(Locale.ROOT);
        return new Approval(Approvers.valueOf(approvers),
                ApprovalRule.fromCode(KEY + ".approvalRule", DecisionTables.required(KEY, row, "approvalRule")));
    }
}
