package io.beacon.integrations.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLettersTest {
    @TempDir
    Path dir;

    record Input(String text, int number, List<String> items, Map<String, String> labels, Instant at) {}

    @Test
    void aLetterIsOneLineOfJsonHoldingTheInputAndWhyItFailed() throws IOException {
        CountingRouteMetrics metrics = new CountingRouteMetrics();
        DeadLetterFile file = new DeadLetterFile(dir, 1 << 20);
        DeadLetters letters = new DeadLetters(file, Runnable::run, metrics);

        String id = letters.keep("snmp-traps", "ingest", "IllegalStateException", "line one\nline \"two\"",
                new Input("장애 \\ tab\t", 3, List.of("a", "b"), Map.of("k", "v"), Instant.parse("2026-12-06T10:00:00Z")));

        List<String> lines = Files.readAllLines(file.current());
        assertThat(lines).singleElement().isEqualTo("{\"id\":\"" + id + "\",\"at\":" + lines.get(0).split("\"at\":")[1]
                .split(",")[0] + ",\"channel\":\"snmp-traps\",\"route\":\"ingest\",\"reason\":\"IllegalStateException\","
                + "\"message\":\"line one\\nline \\\"two\\\"\",\"inputType\":\"" + Input.class.getName() + "\","
                + "\"input\":{\"text\":\"장애 \\\\ tab\\t\",\"number\":3,\"items\":[\"a\",\"b\"],\"labels\":{\"k\":\"v\"},"
                + "\"at\":\"2026-12-06T10:00:00Z\"}}");
        assertThat(metrics.deadLettersWritten()).isEqualTo(1);
    }

    @Test
    void theFileRotatesAtItsCapSoThatTwoFilesHoldTheNewestLetters() throws IOException {
        DeadLetterFile file = new DeadLetterFile(dir, 1024);
        String line = "x".repeat(300);
        for (int i = 0; i < 10; i++) {
            file.append(i + line);
        }
        assertThat(Files.size(file.current())).isLessThanOrEqualTo(1024 + 302);
        assertThat(Files.size(file.previous())).isLessThanOrEqualTo(1024 + 302);
        assertThat(Files.readAllLines(file.current())).last().asString().startsWith("9");
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void aChannelNeverWaitsForTheDiskWhenTheWriterIsBehindLettersAreDroppedAndCounted() throws Exception {
        CountingRouteMetrics metrics = new CountingRouteMetrics();
        CountDownLatch diskStuck = new CountDownLatch(1);
        ExecutorService writer = DeadLetters.boundedWriter(task -> new Thread(() -> {
            await(diskStuck);
            task.run();
        }), metrics);
        DeadLetters letters = new DeadLetters(new DeadLetterFile(dir, 1 << 20), writer, metrics);

        for (int i = 0; i < DeadLetters.WAITING_MAX + 10; i++) {
            letters.keep("json-events", "json-events", "IllegalStateException", "x", "input " + i);
        }

        assertThat(metrics.all()).containsEntry("dead letter dropped", 9); // one in the writer, a thousand waiting
        diskStuck.countDown();
        writer.shutdown();
        assertThat(writer.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(metrics.deadLettersWritten()).isEqualTo(DeadLetters.WAITING_MAX + 1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
