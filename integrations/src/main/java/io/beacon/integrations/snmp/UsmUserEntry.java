package io.beacon.integrations.snmp;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One SNMPv3 user of {@code BEACON_SNMP_V3_USERS}:
 * {@code user[:AUTH:authpass[:PRIV:privpass]][@engineIdHex]}, AUTH one of MD5, SHA, SHA-224,
 * SHA-256, SHA-384, SHA-512; PRIV one of DES, 3DES, AES (= AES-128), AES-192, AES-256. Without
 * an engine ID the user applies to every sender (keys localised per engine on first sight).
 */
record UsmUserEntry(String name, String auth, String authPass, String priv, String privPass, byte[] engineId) {
    private static final Pattern ENGINE = Pattern.compile("(0x)?[0-9a-fA-F]{10,64}");
    static final List<String> AUTHS = List.of("MD5", "SHA", "SHA-224", "SHA-256", "SHA-384", "SHA-512");
    static final List<String> PRIVS = List.of("DES", "3DES", "AES", "AES-128", "AES-192", "AES-256");

    String level() {
        return auth == null ? "noAuthNoPriv" : priv == null ? "authNoPriv" : "authPriv";
    }

    static List<UsmUserEntry> parseAll(String setting) {
        List<UsmUserEntry> out = new ArrayList<>();
        if (setting == null || setting.isBlank()) {
            return out;
        }
        for (String raw : setting.split(",")) {
            if (!raw.isBlank()) {
                out.add(parse(raw.strip()));
            }
        }
        return out;
    }

    static UsmUserEntry parse(String entry) {
        byte[] engine = null;
        int at = entry.lastIndexOf('@');
        if (at > 0 && ENGINE.matcher(entry.substring(at + 1)).matches()) {
            String hex = entry.substring(at + 1);
            engine = HexFormat.of().parseHex(hex.startsWith("0x") ? hex.substring(2) : hex);
            entry = entry.substring(0, at);
        }
        String[] p = entry.split(":", -1);
        if (p[0].isBlank() || !(p.length == 1 || p.length == 3 || p.length == 5)) {
            throw new IllegalArgumentException("an SNMPv3 user is user[:AUTH:authpass[:PRIV:privpass]][@engineIdHex]");
        }
        String auth = p.length >= 3 ? p[1].strip().toUpperCase(Locale.ROOT) : null;
        String priv = p.length == 5 ? p[3].strip().toUpperCase(Locale.ROOT) : null;
        if (auth != null && !AUTHS.contains(auth)) {
            throw new IllegalArgumentException("user " + p[0] + ": authentication must be one of " + AUTHS);
        }
        if (priv != null && !PRIVS.contains(priv)) {
            throw new IllegalArgumentException("user " + p[0] + ": privacy must be one of " + PRIVS);
        }
        if (auth != null && p[2].length() < 8 || priv != null && p[4].length() < 8) {
            throw new IllegalArgumentException("user " + p[0] + ": passphrases need at least 8 characters (RFC 3414)");
        }
        return new UsmUserEntry(p[0].strip(), auth, auth == null ? null : p[2], priv, priv == null ? null : p[4], engine);
    }
}
