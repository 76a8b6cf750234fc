package io.beacon.workflows.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.change.application.ApprovalDecision.Approval;
import io.beacon.change.application.ApprovalDecision.Approvers;
import io.beacon.change.domain.ApprovalRule;
import io.beacon.change.domain.ChangeType;
import io.beacon.change.domain.Risk;
import io.beacon.event.domain.Severity;
import io.beacon.ticket.domain.Level;
import io.beacon.ticket.domain.Priority;
import io.beacon.ticket.domain.TicketType;
import io.beacon.workflows.engine.InMemoryEngine;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped decision tables, deployed on an in-memory engine and asked through the areas' ports: today's behaviour, row by row. */
class DecisionTablesTest {
    static ProcessEngine engine;
    static DecisionTables tables;

    @BeforeAll
    static void startEngine() {
        engine = InMemoryEngine.start("decision-tables-test", Map.of());
        tables = DecisionTables.on(engine);
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @ParameterizedTest(name = "impact {0} x urgency {1} = {2}")
    @CsvSource({
            "high, high, P1", "high, medium, P2", "high, low, P3",
            "medium, high, P2", "medium, medium, P3", "medium, low, P4",
            "low, high, P3", "low, medium, P4", "low, low, P4"})
    void priorityFollowsTheImpactUrgencyMatrix(String impact, String urgency, Priority expected) {
        assertThat(new CamundaPriorityDecision(tables).of(Level.fromCode("impact", impact), Level.fromCode("urgency", urgency)))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} change, {1} risk: {2} by rule {3}")
    @CsvSource({
            "standard, low, NOBODY, NONE", "standard, medium, NOBODY, NONE", "standard, high, NOBODY, NONE",
            "normal, low, CAB, ONE", "normal, medium, CAB, ALL", "normal, high, CAB, ALL",
            "emergency, low, EMERGENCY, ONE", "emergency, medium, EMERGENCY, ONE", "emergency, high, EMERGENCY, ONE"})
    void approvalFollowsTypeAndRisk(String type, String risk, Approvers approvers, ApprovalRule rule) {
        assertThat(new CamundaApprovalDecision(tables).approval(ChangeType.valueOf(type.toUpperCase()),
                Risk.fromCode("risk", risk))).isEqualTo(new Approval(approvers, rule));
    }

    @ParameterizedTest(name = "from {0}, subject {1}, listed {2}, matching {3}: {4}")
    @CsvSource({
            "noc@corp.kr, hello, true, false, INCIDENT",
            "kim@corp.kr, 메일서버 장애, false, true, INCIDENT",
            "noc@corp.kr, Network OUTAGE, true, true, INCIDENT",
            "kim@corp.kr, 노트북 요청, false, false, SERVICE_REQUEST",
            ", , false, false, SERVICE_REQUEST"})
    void mailsFromListedSendersOrWithMatchingSubjectsOpenIncidents(String from, String subject, boolean listed,
            boolean matching, TicketType expected) {
        assertThat(new CamundaIncidentDecision(tables).ticketType(from, subject, listed, matching)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} alarm: {1}")
    @CsvSource({"critical, P1", "major, P2", "minor, P3", "warning, P4"})
    void alarmSeverityGivesTheIncidentsPriority(String severity, String expected) {
        assertThat(new CamundaAlarmPriorityDecision(tables).priority(Severity.fromCode("severity", severity))).hasValue(expected);
    }

    @ParameterizedTest
    @CsvSource({"indeterminate", "normal", "cleared"})
    void otherSeveritiesLeaveThePriorityToImpactAndUrgency(String severity) {
        assertThat(new CamundaAlarmPriorityDecision(tables).priority(Severity.fromCode("severity", severity))).isEmpty();
    }

    @Test
    void everyTableIsDeployedWithItsDiagram() {
        assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().latestVersion().list())
                .extracting(d -> d.getKey())
                .containsExactlyInAnyOrder("ticketPriority", "changeApproval", "mailIncident", "alarmPriority");
        assertThat(engine.getRepositoryService().createDecisionRequirementsDefinitionQuery().count()).isZero();
    }
}
