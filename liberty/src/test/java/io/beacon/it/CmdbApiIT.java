package io.beacon.it;

import static io.beacon.it.support.Api.asAdmin;
import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.beacon.it.support.BeaconServerExtension;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The CMDB as an agent or an import script sees it over HTTP: CIs, relations, impact walks, bulk import. */
@ExtendWith(BeaconServerExtension.class)
class CmdbApiIT {
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private long createCi(String name, String type, List<String> ips) {
        return ((Number) asAdmin().body(Map.of("name", name, "type", type, "hostname", name + ".corp.example",
                        "ipAddresses", ips, "ownerGroup", "Network Operations", "attributes", Map.of("rack", "A-07")))
                .post("/api/cis").then().statusCode(201).extract().path("id")).longValue();
    }

    private void relate(long from, String type, long to) {
        asAdmin().body(Map.of("type", type, "targetId", to)).post("/api/cis/" + from + "/relations")
                .then().statusCode(201);
    }

    @Test
    void aServerBehindASwitchIsFoundAsATransitiveDependantOfTheSwitch() {
        long core = createCi("core-sw-" + run, "switch", List.of("10.250.0.1"));
        long dist = createCi("dist-sw-" + run, "switch", List.of("10.250.1.1"));
        long server = createCi("db-srv-" + run, "server", List.of("10.250.1.20"));
        long app = createCi("erp-" + run, "application", List.of());
        relate(dist, "connected_to", core);
        relate(server, "connected_to", dist);
        relate(app, "runs_on", server);

        asDemo("agent").get("/api/cis/" + core + "/dependants").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.name", containsInAnyOrder("dist-sw-" + run, "db-srv-" + run, "erp-" + run))
                .body("items.find { it.name == 'erp-" + run + "' }.depth", equalTo(3))
                .body("items.find { it.name == 'erp-" + run + "' }.path",
                        contains("core-sw-" + run, "dist-sw-" + run, "db-srv-" + run, "erp-" + run));
        asDemo("agent").get("/api/cis/" + app + "/dependencies").then().statusCode(200)
                .body("items.name", hasItem("core-sw-" + run));
    }

    @Test
    void aCiIsFoundByAnyOfItsAddressesAndItsNameIsUnique() {
        createCi("fw-" + run, "firewall", List.of("10.251.0.1", "2001:db8::251"));
        asDemo("agent").queryParam("ip", "2001:0db8:0:0:0:0:0:251").get("/api/cis").then().statusCode(200)
                .body("items.name", contains("fw-" + run));
        asAdmin().body(Map.of("name", "fw-" + run, "type", "firewall")).post("/api/cis").then().statusCode(409)
                .contentType("application/problem+json");
        asAdmin().body(Map.of("name", "bad-ip-" + run, "type", "server", "ipAddresses", List.of("10.0.0.300")))
                .post("/api/cis").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("ipAddresses"));
    }

    @Test
    void aDependencyCycleInImportedDataStillGivesAFiniteImpactWalkAndDuplicatesAreRefused() {
        long a = createCi("cyc-a-" + run, "server", List.of());
        long b = createCi("cyc-b-" + run, "server", List.of());
        relate(a, "depends_on", b);
        relate(b, "depends_on", a);
        asDemo("agent").get("/api/cis/" + a + "/dependants").then().statusCode(200)
                .body("total", equalTo(1)).body("items.name", contains("cyc-b-" + run));
        asAdmin().body(Map.of("type", "depends_on", "targetId", a)).post("/api/cis/" + b + "/relations")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aCsvImportIsIdempotentByNameAndReportsRejectedRowsWithReasons() {
        String csv = "name,type,hostname,ipAddresses,ownerGroup,depends_on,attr.site\n"
                + "imp-db-" + run + ",database,imp-db,10.252.0.10,DBA,imp-srv-" + run + ",서울\n"
                + "imp-srv-" + run + ",server,imp-srv,10.252.0.11;10.252.0.12,Infra,,서울\n"
                + "imp-bad-" + run + ",toaster,,,,,\n";
        Map<String, Object> first = asAdmin().contentType("text/csv; charset=UTF-8").body(csv)
                .post("/api/cis/import").then().statusCode(200).extract().as(Map.class);
        assertThat(first).containsEntry("created", 2).containsEntry("relationsCreated", 1);
        assertThat((List<?>) first.get("rejected")).hasSize(1);
        assertThat(first.get("rejected").toString()).contains("imp-bad-" + run).contains("toaster");

        Map<String, Object> again = asAdmin().contentType("text/csv; charset=UTF-8").body(csv)
                .post("/api/cis/import").then().statusCode(200).extract().as(Map.class);
        assertThat(again).containsEntry("created", 0).containsEntry("unchanged", 2).containsEntry("relationsCreated", 0);

        asDemo("agent").queryParam("ip", "10.252.0.12").get("/api/cis").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].name", equalTo("imp-srv-" + run))
                .body("items[0].attributes.site", equalTo("서울"));
    }

    @Test
    void aJsonImportUpdatesOnlyTheFieldsItCarries() {
        createCi("json-" + run, "server", List.of("10.253.0.1"));
        Map<String, Object> result = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("name", "json-" + run, "hostname", "renamed-host"))))
                .post("/api/cis/import").then().statusCode(200).extract().as(Map.class);
        assertThat(result).containsEntry("updated", 1);
        asDemo("agent").queryParam("name", "json-" + run).get("/api/cis").then().statusCode(200)
                .body("items[0].hostname", equalTo("renamed-host"))
                .body("items[0].ipAddresses", contains("10.253.0.1"));
    }

    @Test
    void onlyAdministratorsAndIntegrationsImportAndRequestersSeeNoCmdb() {
        asDemo("agent").contentType("text/csv").body("name,type\nx-" + run + ",server\n")
                .post("/api/cis/import").then().statusCode(403).contentType("application/problem+json");
        asDemo("requester").get("/api/cis").then().statusCode(403);
        asDemo("monitor").contentType("text/csv").body("name,type\nmon-" + run + ",server\n")
                .post("/api/cis/import").then().statusCode(200).body("created", equalTo(1));
    }
}
