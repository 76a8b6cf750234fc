package io.beacon.cluster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The broker fixture itself: it starts from Maven Central's jars, dies by SIGKILL and comes back on its port. */
class KafkaBrokerIT {
    @Test
    void startsDiesAndComesBackOnItsPort() throws Exception {
        assumeTrue(Boolean.getBoolean("beacon.cluster"), "opt-in (-Dbeacon.cluster=true runs it)");
        Path dir = Files.createTempDirectory(Path.of("target"), "kafka-");
        try (KafkaBroker broker = KafkaBroker.start(dir)) {
            assertTrue(accepts(broker.port()), "listening at " + broker.bootstrap());
            broker.kill();
            assertFalse(accepts(broker.port()), "gone after SIGKILL");
            broker.restart();
            assertTrue(accepts(broker.port()), "listening again at " + broker.bootstrap());
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
