package io.beacon.integrations.camel;

import io.beacon.event.ingest.application.EventHandOff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;

/**
 * A route test on a real CamelContext, built as {@code CamelRuntime} builds Beacon's: the shared
 * route configuration, the ingest route handing off to a {@link FakeEventQueue} through the real
 * {@link EventHandOff}, and the channel routes of the test; dead letters are written at once
 * (no writer thread) into a temporary directory, and the route counters read back.
 */
public abstract class InboundRouteTest extends CamelTestSupport {
    protected final FakeEventQueue queue = new FakeEventQueue();
    protected final CountingRouteMetrics metrics = new CountingRouteMetrics();
    private final Path dataDir = temporaryDirectory();
    private final DeadLetterFile deadLetterFile = new DeadLetterFile(dataDir.resolve("dead-letters"), 1 << 20);

    /** The routes under test besides the ingest route. */
    protected abstract RoutesBuilder[] channelRoutes();

    /** Binds the stage beans the channel routes call by name. */
    protected abstract void bindStages(Registry registry);

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        DeadLetters deadLetters = new DeadLetters(deadLetterFile, Runnable::run, metrics);
        RoutesBuilder[] channels = channelRoutes();
        RoutesBuilder[] all = new RoutesBuilder[channels.length + 2];
        all[0] = new InboundRouteConfiguration(new InboundFailures(metrics, deadLetters));
        all[1] = new IngestRoute();
        System.arraycopy(channels, 0, all, 2, channels.length);
        return all;
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("eventHandOff", new EventHandOff(queue));
        bindStages(registry);
    }

    /** The dead letters written so far, one JSON object a line. */
    protected List<String> deadLetters() {
        Path file = deadLetterFile.current();
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void removeDataDir() throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("beacon-route-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
