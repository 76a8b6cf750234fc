package io.beacon.integrations.kafka;

import io.beacon.event.domain.CiClue;
import io.beacon.event.domain.EventKind;
import io.beacon.event.domain.EventSource;
import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.domain.Severity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A normalised event as the bytes of one Kafka record (and one spool entry): every field, the CI
 * clues included, since attribution happens on the core node that writes it. A leading format
 * version lets a newer core read what an older collector sent.
 */
final class EventRecord {
    private static final int FORMAT = 1;

    private EventRecord() {}

    static byte[] encode(NormalisedEvent e) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + e.attributesJson().length());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            text(out, e.id());
            out.writeLong(e.receivedAt().getEpochSecond());
            out.writeInt(e.receivedAt().getNano());
            text(out, e.source().name());
            text(out, e.kind().name());
            text(out, e.name());
            text(out, e.severity().name());
            text(out, e.reductionKey());
            text(out, e.occurrence());
            out.writeBoolean(e.ciId() != null);
            if (e.ciId() != null) {
                out.writeLong(e.ciId());
            }
            text(out, e.ciName());
            text(out, e.sourceAddress());
            text(out, e.ciResolvedBy());
            text(out, e.message());
            text(out, e.attributesJson());
            out.writeInt(e.clues().size());
            for (CiClue clue : e.clues()) {
                text(out, clue.name());
                text(out, clue.value());
                out.writeBoolean(clue.ip());
            }
        } catch (IOException e2) {
            throw new UncheckedIOException(e2);
        }
        return bytes.toByteArray();
    }

    /** The event, or an {@link IllegalArgumentException} for bytes that are not one. */
    static NormalisedEvent decode(byte[] record) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(record))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown event record format " + format);
            }
            String id = text(in);
            Instant receivedAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
            EventSource source = EventSource.valueOf(text(in));
            EventKind kind = EventKind.valueOf(text(in));
            String name = text(in);
            Severity severity = Severity.valueOf(text(in));
            String key = text(in);
            String occurrence = text(in);
            Long ciId = in.readBoolean() ? in.readLong() : null;
            String ciName = text(in);
            String address = text(in);
            String resolvedBy = text(in);
            String message = text(in);
            String attributes = text(in);
            int clueCount = in.readInt();
            if (clueCount < 0 || clueCount > 10_000) {
                throw new IllegalArgumentException("implausible number of CI clues: " + clueCount);
            }
            List<CiClue> clues = new ArrayList<>(clueCount);
            for (int i = 0; i < clueCount; i++) {
                clues.add(new CiClue(text(in), text(in), in.readBoolean()));
            }
            return new NormalisedEvent(receivedAt, source, kind, name, severity, key, occurrence, ciId, ciName, address,
                    resolvedBy, message, attributes, clues, id);
        } catch (IOException | RuntimeException e) {
            throw e instanceof IllegalArgumentException i ? i : new IllegalArgumentException("not an event record: " + e, e);
        }
    }

    /** What Kafka partitions by: the device, so that one device's events keep their order on one core node. */
    static String key(NormalisedEvent e) {
        return e.sourceAddress();
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String text(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        if (n > in.available()) {
            throw new IllegalArgumentException("a text longer than the record");
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
}
