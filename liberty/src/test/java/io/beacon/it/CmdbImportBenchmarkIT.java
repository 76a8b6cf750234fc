package io.beacon.it;

import static io.beacon.it.support.Api.asAdmin;
import static io.beacon.it.support.Api.asDemo;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.it.support.BeaconServer;
import io.beacon.it.support.BeaconServerExtension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reference customer's CMDB (800 servers, 14,000 network devices, their applications and the
 * links between them) imported over HTTP as one CSV, then looked up by IP. Prints its figures;
 * asserts only what the import must produce, never how fast it was.
 */
@ExtendWith(BeaconServerExtension.class)
class CmdbImportBenchmarkIT {
    private static final int CORES = 4;
    private static final int DISTRIBUTION = 96;
    private static final int ACCESS = 14_000 - CORES - DISTRIBUTION;
    private static final int SERVERS = 800;
    private static final int APPLICATIONS = 200;
    private static final int TOTAL = CORES + DISTRIBUTION + ACCESS + SERVERS + APPLICATIONS;

    @Test
    void importsFifteenThousandCisWithTheirRelationsAndFindsThemByIp(BeaconServer server) {
        StringBuilder csv = new StringBuilder("name,type,hostname,ipAddresses,ownerGroup,connected_to,runs_on\n");
        int relations = 0;
        for (int i = 0; i < CORES; i++) {
            row(csv, "bench-core-" + i, "switch", ip(i), "Network Operations", i == 0 ? "" : "bench-core-0", "");
            relations += i == 0 ? 0 : 1;
        }
        for (int i = 0; i < DISTRIBUTION; i++) {
            row(csv, "bench-dist-" + i, "switch", ip(CORES + i), "Network Operations", "bench-core-" + (i % CORES), "");
            relations++;
        }
        for (int i = 0; i < ACCESS; i++) {
            String type = i % 10 == 0 ? "router" : i % 25 == 0 ? "firewall" : "switch";
            row(csv, "bench-acc-" + i, type, ip(CORES + DISTRIBUTION + i), "Network Operations",
                    "bench-dist-" + (i % DISTRIBUTION), "");
            relations++;
        }
        for (int i = 0; i < SERVERS; i++) {
            row(csv, "bench-srv-" + i, "server", ip(CORES + DISTRIBUTION + ACCESS + i), "Infrastructure",
                    "bench-acc-" + (i * 7 % ACCESS), "");
            relations++;
        }
        for (int i = 0; i < APPLICATIONS; i++) {
            row(csv, "bench-app-" + i, "application", "", "Applications", "",
                    "bench-srv-" + (i * 4) + ";bench-srv-" + (i * 4 + 1));
            relations += 2;
        }
        byte[] body = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);

        long t0 = System.nanoTime();
        Map<String, Object> first = asAdmin().contentType("text/csv; charset=UTF-8").body(body)
                .post("/api/cis/import").then().statusCode(200).extract().as(Map.class);
        long firstMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(first.get("rejected")).asList().isEmpty();
        assertThat(((Number) first.get("created")).intValue() + ((Number) first.get("unchanged")).intValue()
                + ((Number) first.get("updated")).intValue()).isEqualTo(TOTAL);

        long t1 = System.nanoTime();
        Map<String, Object> again = asAdmin().contentType("text/csv; charset=UTF-8").body(body)
                .post("/api/cis/import").then().statusCode(200).extract().as(Map.class);
        long againMs = (System.nanoTime() - t1) / 1_000_000;
        assertThat(again).containsEntry("created", 0).containsEntry("relationsCreated", 0);

        Random random = new Random(42);
        int lookups = 300;
        long[] micros = new long[lookups];
        for (int i = 0; i < lookups; i++) {
            int n = random.nextInt(TOTAL - APPLICATIONS);
            long s = System.nanoTime();
            List<String> names = asDemo("agent").queryParam("ip", ip(n)).get("/api/cis").then().statusCode(200)
                    .extract().path("items.name");
            micros[i] = (System.nanoTime() - s) / 1_000;
            assertThat(names).hasSize(1);
        }
        Arrays.sort(micros);

        long walk0 = System.nanoTime();
        long coreId = ((Number) asDemo("agent").queryParam("name", "bench-core-0").get("/api/cis")
                .then().extract().path("items[0].id")).longValue();
        int dependants = asDemo("agent").get("/api/cis/" + coreId + "/dependants").then().statusCode(200)
                .extract().path("total");
        long walkMs = (System.nanoTime() - walk0) / 1_000_000;
        assertThat(dependants).isEqualTo(TOTAL - 1);

        System.out.printf("%n[benchmark] CMDB import on %s: %d CIs and %d relations (CSV %d KiB)%n",
                server.database(), TOTAL, relations, body.length / 1024);
        System.out.printf("[benchmark]   first import  %6d ms (%s)%n", firstMs, summary(first));
        System.out.printf("[benchmark]   re-import     %6d ms (%s)%n", againMs, summary(again));
        System.out.printf("[benchmark]   GET /api/cis?ip= over HTTP, %d look-ups: median %d us, p95 %d us, max %d us%n",
                lookups, micros[lookups / 2], micros[lookups * 95 / 100], micros[lookups - 1]);
        System.out.printf("[benchmark]   dependants of the core switch: %d CIs in %d ms%n%n", dependants, walkMs);
    }

    private static String summary(Map<String, Object> r) {
        return "created " + r.get("created") + ", updated " + r.get("updated") + ", unchanged " + r.get("unchanged")
                + ", relations " + r.get("relationsCreated");
    }

    private static void row(StringBuilder csv, String name, String type, String ip, String group, String connectedTo,
            String runsOn) {
        List<String> cells = new ArrayList<>(List.of(name, type, ip.isEmpty() ? "" : name, ip, group, connectedTo, runsOn));
        csv.append(String.join(",", cells)).append('\n');
    }

    /** 172.16.0.0/12 is used by no other test. */
    private static String ip(int n) {
        return "172." + (16 + n / 65_536) + "." + (n / 256 % 256) + "." + (n % 256);
    }
}
