package io.beacon.integrations.snmp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.snmp4j.mp.MPv3;
import org.snmp4j.smi.OctetString;

/**
 * Beacon's own SNMP engine ID and boot counter, kept in the data directory: senders of INFORMs
 * localise their keys with our engine ID, so it must not change across restarts, and the boot
 * counter must grow (RFC 3414 time window).
 */
final class EngineState {
    private EngineState() {}

    record State(byte[] engineId, int boots) {}

    static State load(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path idFile = dir.resolve("engine-id");
        byte[] id;
        if (Files.isRegularFile(idFile)) {
            id = HexFormat.of().parseHex(Files.readString(idFile, StandardCharsets.US_ASCII).strip());
        } else {
            id = MPv3.createLocalEngineID(new OctetString("beacon-" + java.util.UUID.randomUUID().toString().substring(0, 8)));
            Files.writeString(idFile, HexFormat.of().formatHex(id) + "\n", StandardCharsets.US_ASCII);
        }
        Path bootsFile = dir.resolve("engine-boots");
        int boots = 0;
        if (Files.isRegularFile(bootsFile)) {
            try {
                boots = Integer.parseInt(Files.readString(bootsFile, StandardCharsets.US_ASCII).strip());
            } catch (NumberFormatException e) {
                boots = 0;
            }
        }
        boots = boots >= Integer.MAX_VALUE - 1 ? 1 : boots + 1;
        Files.writeString(bootsFile, boots + "\n", StandardCharsets.US_ASCII);
        return new State(id, boots);
    }
}
