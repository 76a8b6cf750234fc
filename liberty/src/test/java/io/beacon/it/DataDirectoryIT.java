package io.beacon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.beacon.it.support.BeaconServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * A new user's plain {@code java -jar beacon.jar}, without BEACON_DATA_DIR: the runnable jar runs the
 * server in a temporary extraction (a new one per start here, as after an upgrade), yet the embedded
 * database lies in beacon-data of the directory Beacon was started from and keeps what was saved.
 */
class DataDirectoryIT {
    @Test
    void withoutADataDirectoryTheDataStaysWhereBeaconWasStartedAcrossARestart() throws Exception {
        assumeTrue("h2".equals(System.getProperty("beacon.it.db", "h2")), "the embedded database only");
        BeaconServer server = BeaconServer.withDefaultDataDirectory();
        try {
            server.start();
            assertThat(server.workDir().resolve("beacon-data/db")).isDirectory();
            String key = post(server, "/api/tickets",
                    "{\"type\":\"incident\",\"title\":\"데이터 디렉터리 확인\",\"description\":\"kept across a restart\"}")
                    .replaceAll("(?s).*\"key\"\\s*:\\s*\"([A-Z]+-\\d+)\".*", "$1");
            assertThat(key).startsWith("INC-");

            server.stop();
            server.start(); // a fresh extraction: nothing of the first one is used

            HttpResponse<String> again = get(server, "/api/tickets/" + key);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).contains("데이터 디렉터리 확인");
            try (var files = Files.list(server.workDir())) {
                assertThat(files.map(p -> p.getFileName().toString())).contains("beacon-data");
            }
        } finally {
            server.close();
        }
    }

    private static String post(BeaconServer server, String path, String json) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(request(server, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r.body();
    }

    private static HttpResponse<String> get(BeaconServer server, String path) throws Exception {
        return HttpClient.newHttpClient().send(request(server, path).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder request(BeaconServer server, String path) {
        String basic = Base64.getEncoder().encodeToString(("admin:" + BeaconServer.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Authorization", "Basic " + basic);
    }
}
