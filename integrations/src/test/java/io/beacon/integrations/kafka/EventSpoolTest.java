package io.beacon.integrations.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventSpoolTest {
    private static final long ROOMY = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void whatWasStoredComesBackInOrderUntilKafkaAcknowledgesIt() throws IOException {
        try (EventSpool spool = EventSpool.open(dir, ROOMY)) {
            spool.store(bytes("one"));
            spool.store(bytes("two"));
            spool.store(bytes("three"));

            EventSpool.Chunk first = spool.peek(2);
            assertEquals(List.of("one", "two"), texts(first));
            assertEquals(List.of("one", "two"), texts(spool.peek(2)), "not acknowledged yet: the same again");

            spool.acknowledged(first);
            assertEquals(List.of("three"), texts(spool.peek(10)));
            assertEquals(1, spool.entries());
        }
    }

    @Test
    void aCrashKeepsWhatWasNotAcknowledged() throws IOException {
        try (EventSpool spool = EventSpool.open(dir, ROOMY)) {
            spool.store(bytes("one"));
            spool.store(bytes("two"));
            spool.acknowledged(spool.peek(1));
        } // no more than a kill leaves: every store was forced, and so was the read position

        try (EventSpool reopened = EventSpool.open(dir, ROOMY)) {
            assertEquals(List.of("two"), texts(reopened.peek(10)));
        }
    }

    @Test
    void aTornEntryAtTheEndIsCutOffAndTheRestKept() throws IOException {
        try (EventSpool spool = EventSpool.open(dir, ROOMY)) {
            spool.store(bytes("whole"));
        }
        // A crash in the middle of writing the next entry: its header and half its bytes.
        Files.write(dir.resolve("events.spool"), new byte[] {0, 0, 0, 40, 1, 2, 3, 4, 'h', 'a'}, StandardOpenOption.APPEND);

        try (EventSpool reopened = EventSpool.open(dir, ROOMY)) {
            assertEquals(List.of("whole"), texts(reopened.peek(10)));
            reopened.store(bytes("after"));
            assertEquals(List.of("whole", "after"), texts(reopened.peek(10)));
        }
    }

    @Test
    void aFullSpoolRefusesAndTakesAgainOnceDrained() throws IOException {
        byte[] entry = new byte[100];
        try (EventSpool spool = EventSpool.open(dir, 250)) { // two entries of 108 bytes fit, a third does not
            assertTrue(spool.store(entry));
            assertTrue(spool.store(entry));
            assertFalse(spool.store(entry));
            assertEquals(2, spool.entries());

            spool.acknowledged(spool.peek(10));
            assertTrue(spool.isEmpty());
            assertEquals(0, Files.size(dir.resolve("events.spool")), "an emptied spool gives its space back");
            assertTrue(spool.store(entry));
        }
    }

    @Test
    void manyThreadsStoringAtOnceLoseNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (EventSpool spool = EventSpool.open(dir, ROOMY * 8)) {
            List<Future<Boolean>> stored = new java.util.ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                byte[] entry = bytes("event-" + i);
                stored.add(pool.submit(() -> spool.store(entry)));
            }
            for (Future<Boolean> f : stored) {
                assertTrue(f.get());
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
            assertEquals(2000, texts(spool.peek(5000)).stream().distinct().count());
        }
        try (EventSpool reopened = EventSpool.open(dir, ROOMY * 8)) {
            assertEquals(2000, reopened.entries());
        }
    }

    @Test
    void theDrainerWakesWhenAnEntryArrives() throws Exception {
        try (EventSpool spool = EventSpool.open(dir, ROOMY)) {
            Thread storer = new Thread(() -> {
                try {
                    spool.store(bytes("late"));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            storer.start();
            long waited = System.nanoTime();
            while (spool.isEmpty() && System.nanoTime() - waited < TimeUnit.SECONDS.toNanos(10)) {
                spool.awaitEntries(10_000);
            }
            storer.join();
            assertArrayEquals(bytes("late"), spool.peek(1).entries().get(0));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(EventSpool.Chunk chunk) {
        return chunk.entries().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }
}
