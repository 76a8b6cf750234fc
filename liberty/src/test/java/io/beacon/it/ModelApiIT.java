package io.beacon.it;

import static io.beacon.it.support.Api.asAdmin;
import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Remodelling without a release, over HTTP: a changed changeApproval table (normal changes of any risk need one CAB
 * approval) decides the next change at once and survives a restart; broken tables are refused with 422 and the old
 * one stays active; a rollback restores the earlier behaviour; only administrators may do any of it.
 */
@ExtendWith(BeaconServerExtension.class)
class ModelApiIT {
    static final String TABLE = "/api/models/changeApproval";

    /** The built-in table with the "all" of its normal medium/high row turned into "one". */
    static String oneApproval(String builtIn) {
        int start = builtIn.indexOf("<rule id=\"Rule_changeApproval_3\">");
        int end = builtIn.indexOf("</rule>", start);
        String row = builtIn.substring(start, end);
        assertThat(row).contains("<text>\"all\"</text>");
        return builtIn.replace(row, row.replace("<text>\"all\"</text>", "<text>\"one\"</text>"));
    }

    /** The nine shipped cases, restating normal medium/high as one approval. */
    static String oneApprovalCases() {
        StringBuilder json = new StringBuilder("{\"cases\": [");
        String sep = "";
        for (String type : List.of("standard", "normal", "emergency")) {
            for (String risk : List.of("low", "medium", "high")) {
                String approvers = type.equals("standard") ? "nobody" : type.equals("normal") ? "cab" : "emergency";
                String rule = type.equals("standard") ? "none" : "one";
                json.append(sep).append("{\"inputs\": {\"changeType\": \"").append(type).append("\", \"risk\": \"")
                        .append(risk).append("\"}, \"outputs\": {\"approvers\": \"").append(approvers)
                        .append("\", \"approvalRule\": \"").append(rule).append("\"}}");
                sep = ",";
            }
        }
        return json.append("]}").toString();
    }

    static JsonPath table() {
        return asAdmin().get(TABLE).then().statusCode(200).extract().jsonPath();
    }

    static String xml(int version) {
        return asAdmin().accept("application/xml").get(TABLE + "/versions/" + version + "/xml").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"changeApproval-v" + version + ".dmn\"")
                .extract().asString();
    }

    static JsonPath refused(String body) {
        return asAdmin().contentType("application/xml").body(body.getBytes(StandardCharsets.UTF_8)).put(TABLE)
                .then().statusCode(422).contentType("application/problem+json").extract().jsonPath();
    }

    /** A normal high-risk change by the agent; the demo CAB is admin and approver. */
    static String normalHighRiskChange(int days) {
        long ci = ((Number) asAdmin().body(Map.of("name", "it-model-" + UUID.randomUUID(), "type", "server"))
                .post("/api/cis").then().statusCode(201).extract().path("id")).longValue();
        Instant start = Instant.now().plus(800 + days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> body = new HashMap<>();
        body.put("type", "normal");
        body.put("title", "모델 교체 후 변경 " + UUID.randomUUID());
        body.put("risk", "high");
        body.put("ciIds", List.of(ci));
        body.put("plannedStart", start.toString());
        body.put("plannedEnd", start.plus(1, ChronoUnit.HOURS).toString());
        body.put("implementationPlan", "apply");
        body.put("backoutPlan", "restore");
        return asDemo("agent").body(body).post("/api/changes").then().statusCode(201)
                .body("status", equalTo("approval")).extract().path("key");
    }

    static void approve(RequestSpecification who, String changeKey) {
        List<Map<String, Object>> tasks = who.get("/api/tasks").then().statusCode(200).extract().path("items");
        String task = tasks.stream().filter(t -> changeKey.equals(t.get("changeKey")) && "approve".equals(t.get("taskKey")))
                .map(t -> (String) t.get("id")).findFirst().orElseThrow(() -> new AssertionError("no approval task"));
        who.body(Map.of("approved", true, "comment", "ok")).post("/api/tasks/" + task + "/complete").then().statusCode(200);
    }

    static String status(String changeKey) {
        return asDemo("agent").get("/api/changes/" + changeKey).then().statusCode(200).extract().path("status");
    }

    /** Whatever happened above, the shared server goes back to the built-in behaviour for the other ITs. */
    @AfterAll
    static void restoreTheBuiltInTable() {
        JsonPath model = table();
        List<Map<String, Object>> versions = model.getList("versions");
        Map<String, Object> active = versions.get(versions.size() - 1);
        if (!"built-in".equals(active.get("source"))) {
            asAdmin().body(Map.of("version", 1)).post(TABLE + "/rollback").then().statusCode(201);
        }
    }

    @Test
    void onlyAdministratorsSeeOrChangeModels() {
        asDemo("agent").get("/api/models").then().statusCode(403).contentType("application/problem+json");
        asDemo("approver").contentType("application/xml").body("<x/>").put(TABLE).then().statusCode(403);
        asDemo("agent").get(TABLE + "/versions/1/xml").then().statusCode(403);
        asAdmin().get("/api/models/nope").then().statusCode(404).contentType("application/problem+json");
        asAdmin().get("/api/models").then().statusCode(200)
                .body("items.key", hasItem("change-management")).body("items.key", hasItem("changeApproval"))
                .body("items.find { it.key == 'change-management' }.kind", equalTo("process"))
                .body("items.find { it.key == 'changeApproval' }.versions[0].source", equalTo("built-in"));
    }

    @Test
    void anUploadedTableDecidesTheNextChangeSurvivesARestartAndRollsBack(BeaconServer server) throws Exception {
        int before = table().getInt("activeVersion");
        String builtIn = xml(before);
        String changed = oneApproval(builtIn);

        // broken tables: refused with every problem named, the active one stays
        JsonPath missingOutput = refused(builtIn.replace("name=\"approvalRule\"", "name=\"rule\""));
        assertThat(missingOutput.getList("errors.message", String.class))
                .contains("output approvalRule is missing (Beacon relies on it)");
        assertThat(missingOutput.getString("type")).isEqualTo("https://beacon.dev/problems/invalid-input");
        assertThat(missingOutput.getString("detail")).isEqualTo("the model was refused and nothing was deployed "
                + "(changeApproval keeps its active version): 1 problem listed in errors");
        List<String> failing = refused(changed).getList("errors.message", String.class);
        assertThat(failing).hasSize(2).allMatch(m -> m.startsWith("sample case {") && m.contains("expected"));
        assertThat(failing).anyMatch(m -> m.contains("risk=high") && m.contains("approvalRule=all"));
        assertThat(refused("<definitions><decision id=").getList("errors.message", String.class))
                .singleElement().asString().startsWith("the file is not a DMN 1.3 model Camunda can read");
        assertThat(table().getInt("activeVersion")).isEqualTo(before);
        String stillAll = normalHighRiskChange(0);
        approve(asDemo("approver"), stillAll);
        assertThat(status(stillAll)).isEqualTo("approval");

        // the changed table with the administrator's own cases: the next change needs one approval
        JsonPath uploaded = asAdmin().contentType("multipart/form-data")
                .multiPart("model", "changeApproval.dmn", changed.getBytes(StandardCharsets.UTF_8), "application/xml")
                .multiPart("cases", "changeApproval.cases.json", oneApprovalCases().getBytes(StandardCharsets.UTF_8),
                        "application/json")
                .post(TABLE).then().statusCode(201).extract().jsonPath();
        assertThat(uploaded.getInt("version.version")).isEqualTo(before + 1);
        assertThat(uploaded.getString("version.source")).isEqualTo("uploaded");
        assertThat(uploaded.getString("version.deployedBy")).isEqualTo("admin");
        assertThat(uploaded.getBoolean("version.active")).isTrue();
        String oneSuffices = normalHighRiskChange(3);
        approve(asDemo("approver"), oneSuffices);
        assertThat(status(oneSuffices)).isEqualTo("scheduled");

        // a restart keeps the upload active (the built-in file did not change)
        server.stop();
        server.start();
        assertThat(table().getInt("activeVersion")).isEqualTo(before + 1);
        assertThat(xml(before + 1)).isEqualTo(changed);
        String afterRestart = normalHighRiskChange(6);
        approve(asDemo("approver"), afterRestart);
        assertThat(status(afterRestart)).isEqualTo("scheduled");

        // roll back: the earlier version is deployed again, recorded as a rollback by the admin
        asAdmin().body(Map.of("version", before)).post(TABLE + "/rollback").then().statusCode(201)
                .body("version.version", equalTo(before + 2)).body("version.rollbackOf", equalTo(before))
                .body("version.source", equalTo("built-in")).body("version.deployedBy", equalTo("admin"))
                .body("model.activeVersion", equalTo(before + 2));
        String allAgain = normalHighRiskChange(9);
        approve(asDemo("approver"), allAgain);
        assertThat(status(allAgain)).isEqualTo("approval");
        approve(asAdmin(), allAgain);
        assertThat(status(allAgain)).isEqualTo("scheduled");
        asAdmin().body(Map.of("version", 99)).post(TABLE + "/rollback").then().statusCode(404)
                .body("detail", startsWith("Version 99 of changeApproval"));
    }
}
