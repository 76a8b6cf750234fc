package io.beacon.workflows.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.workflows.decision.SampleCases;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an uploaded model must keep of the built-in one, derived from the built-in file itself. */
class ModelRulesTest {
    static final BuiltInModels.BuiltIn APPROVAL = BuiltInModels.find("changeApproval").orElseThrow();
    static final BuiltInModels.BuiltIn CHANGE = BuiltInModels.find("change-management").orElseThrow();
    static final BuiltInModels.BuiltIn TICKET = BuiltInModels.find("ticket-lifecycle").orElseThrow();

    static String text(BuiltInModels.BuiltIn b) {
        return new String(b.xml(), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Normal changes of medium and high risk need one CAB approval instead of all. */
    static String oneApprovalForHighRisk() {
        String xml = text(APPROVAL);
        String rule3 = xml.substring(xml.indexOf("<rule id=\"Rule_changeApproval_3\">"));
        rule3 = rule3.substring(0, rule3.indexOf("</rule>"));
        return xml.replace(rule3, rule3.replace("<text>\"all\"</text>", "<text>\"one\"</text>"));
    }

    static String casesWithOneApprovalForHighRisk() {
        StringBuilder json = new StringBuilder("{\"cases\": [");
        List<SampleCases.Case> shipped = APPROVAL.cases();
        for (int i = 0; i < shipped.size(); i++) {
            SampleCases.Case c = shipped.get(i);
            boolean normalAbove = "normal".equals(c.inputs().get("changeType")) && !"low".equals(c.inputs().get("risk"));
            json.append(i == 0 ? "" : ",").append("{\"inputs\": {\"changeType\": \"").append(c.inputs().get("changeType"))
                    .append("\", \"risk\": \"").append(c.inputs().get("risk")).append("\"}, \"outputs\": {\"approvers\": \"")
                    .append(c.outputs().get("approvers")).append("\", \"approvalRule\": \"")
                    .append(normalAbove ? "one" : c.outputs().get("approvalRule")).append("\"}}");
        }
        return json.append("]}").toString();
    }

    @Test
    void theBuiltInModelsPassTheirOwnChecks() {
        for (BuiltInModels.BuiltIn b : BuiltInModels.all()) {
            List<String> problems = b.kind().equals("process") ? ModelRules.process(b.xml(), b.xml())
                    : ModelRules.decision(b.key(), b.xml(), b.xml(), b.cases());
            assertThat(problems).as(b.key()).isEmpty();
        }
        assertThat(BuiltInModels.all()).extracting(BuiltInModels.BuiltIn::key)
                .contains("change-management", "ticket-lifecycle", "changeApproval", "ticketPriority", "mailIncident",
                        "alarmPriority");
    }

    @Test
    void aChangedTableFailsTheShippedCasesAndNamesEachOne() {
        List<String> problems = ModelRules.decision("changeApproval", APPROVAL.xml(), bytes(oneApprovalForHighRisk()),
                APPROVAL.cases());
        assertThat(problems).hasSize(2).allMatch(p -> p.startsWith("sample case "));
        assertThat(problems.get(0)).contains("risk=medium").contains("approvalRule=all").contains("approvalRule=one");
        assertThat(problems.get(1)).contains("risk=high");
    }

    @Test
    void aChangedTablePassesWithTheAdministratorsOwnCases() {
        List<SampleCases.Case> own = SampleCases.read(new java.io.ByteArrayInputStream(bytes(casesWithOneApprovalForHighRisk())));
        assertThat(ModelRules.ownCases(APPROVAL.cases(), own)).isEmpty();
        assertThat(ModelRules.decision("changeApproval", APPROVAL.xml(), bytes(oneApprovalForHighRisk()), own)).isEmpty();
    }

    @Test
    void ownCasesMayNotLeaveOutAShippedCase() {
        List<SampleCases.Case> own = APPROVAL.cases().subList(0, 7);
        assertThat(ModelRules.ownCases(APPROVAL.cases(), own)).hasSize(2)
                .allMatch(p -> p.startsWith("the sample cases leave out the shipped case"));
    }

    @Test
    void aTableThatLostAnOutputOrInputOrItsIdIsRefused() {
        String renamed = text(APPROVAL).replace("name=\"approvalRule\"", "name=\"rule\"")
                .replace("<text>risk</text>", "<text>riskLevel</text>");
        assertThat(ModelRules.decision("changeApproval", APPROVAL.xml(), bytes(renamed), APPROVAL.cases()))
                .containsExactly("input risk is missing (Beacon relies on it)",
                        "output approvalRule is missing (Beacon relies on it)");
        String otherId = text(APPROVAL).replace("decision id=\"changeApproval\"", "decision id=\"approval\"");
        assertThat(ModelRules.decision("changeApproval", APPROVAL.xml(), bytes(otherId), APPROVAL.cases()))
                .singleElement().asString().startsWith("decision id changeApproval is missing");
    }

    @Test
    void unparsableFilesAreRefusedWithTheParsersReason() {
        assertThat(ModelRules.decision("changeApproval", APPROVAL.xml(), bytes("<definitions><decision"), APPROVAL.cases()))
                .singleElement().asString().startsWith("the file is not a DMN 1.3 model Camunda can read: ");
        assertThat(ModelRules.process(CHANGE.xml(), bytes("not xml at all")))
                .singleElement().asString().startsWith("the file is not a BPMN 2.0 model Camunda can read: ");
        String badFeel = text(APPROVAL).replace("<text>\"low\"</text>", "<text>&gt;&gt; \"low</text>");
        assertThat(ModelRules.decision("changeApproval", APPROVAL.xml(), bytes(badFeel), APPROVAL.cases()))
                .isNotEmpty().allMatch(p -> p.startsWith("sample case ") || p.startsWith("Camunda's DMN engine"));
    }

    @Test
    void aProcessMustKeepEveryUserTaskMessageAndServiceExpressionOfTheBuiltInOne() {
        // every user task id of the built-in diagram, whatever it holds today
        String xml = text(CHANGE);
        String firstUserTask = xml.substring(xml.indexOf("<bpmn:userTask id=\"") + "<bpmn:userTask id=\"".length());
        firstUserTask = firstUserTask.substring(0, firstUserTask.indexOf('"'));
        String renamedTask = xml.replace("id=\"" + firstUserTask + "\"", "id=\"" + firstUserTask + "X\"")
                .replace("\"" + firstUserTask + "\"", "\"" + firstUserTask + "X\"");
        assertThat(ModelRules.process(CHANGE.xml(), bytes(renamedTask)))
                .contains("user task " + firstUserTask + " is missing (Beacon relies on it)");

        String ticket = text(TICKET).replace("name=\"ticketResolved\"", "name=\"resolvedTicket\"")
                .replace("${ticketSteps.autoClose(execution)}", "${ticketSteps.close(execution)}");
        assertThat(ModelRules.process(TICKET.xml(), bytes(ticket))).containsExactly(
                "message ticketResolved is missing (Beacon relies on it)",
                "service task expression ${ticketSteps.autoClose(execution)} is missing (Beacon relies on it)");

        String otherProcess = text(CHANGE).replace("<bpmn:process id=\"change-management\"", "<bpmn:process id=\"change\"");
        assertThat(ModelRules.process(CHANGE.xml(), bytes(otherProcess)))
                .contains("process id change-management is missing (Beacon relies on it)");
    }
}
