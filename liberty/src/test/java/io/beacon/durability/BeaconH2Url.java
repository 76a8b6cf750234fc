package io.beacon.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Beacon's default H2 URL as server.xml ships it, so that the durability tests prove what users run. */
final class BeaconH2Url {
    private BeaconH2Url() {
    }

    /** The options the default URL carries, e.g. ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE". */
    static String settings() throws IOException {
        String serverXml = Files.readString(Path.of("src/main/liberty/config/server.xml"));
        Matcher url = Pattern.compile("name=\"beacon.db.url\" defaultValue=\"jdbc:h2:file:[^;\"]*(;[^\"]*)\"")
                .matcher(serverXml);
        assertThat(url.find()).as("the default database URL in server.xml").isTrue();
        return url.group(1);
    }
}
