package io.beacon.integrations.camel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The dead letters on disk: JSON lines appended to {@code inbound.jsonl}; once it holds
 * {@code maxBytes}, it becomes {@code inbound.1.jsonl} (replacing the one before) and a new file
 * starts, so the two never hold much more than twice the cap. Written by one thread at a time.
 */
final class DeadLetterFile {
    static final String CURRENT = "inbound.jsonl";
    static final String PREVIOUS = "inbound.1.jsonl";

    private final Path dir;
    private final long maxBytes;

    DeadLetterFile(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = Math.max(1024, maxBytes);
    }

    Path current() {
        return dir.resolve(CURRENT);
    }

    Path previous() {
        return dir.resolve(PREVIOUS);
    }

    synchronized void append(String jsonLine) throws IOException {
        Files.createDirectories(dir);
        Path file = current();
        if (Files.exists(file) && Files.size(file) >= maxBytes) {
            Files.move(file, previous(), StandardCopyOption.REPLACE_EXISTING);
        }
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write((jsonLine + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
