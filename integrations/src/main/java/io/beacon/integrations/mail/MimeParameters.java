package io.beacon.integrations.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parameters of a MIME header such as Content-Type or Content-Disposition, decoded the way real
 * mail needs: RFC 2231 ({@code filename*=ks_c_5601-1987''%C7%D1...}, continuations
 * {@code filename*0*=}, {@code filename*1=}) with Korean labels mapped by {@link KoreanCharsets},
 * Outlook's RFC 2047 words inside quoted values, and raw 8-bit values.
 */
public final class MimeParameters {
    private MimeParameters() {}

    /** The primary value, e.g. {@code text/plain} of a Content-Type, lower-cased. */
    public static String primary(String header) {
        if (header == null) {
            return "";
        }
        String h = EncodedWords.unfold(header);
        int semi = h.indexOf(';');
        return (semi < 0 ? h : h.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** The decoded value of parameter {@code name}, or null. */
    public static String get(String header, String name) {
        if (header == null) {
            return null;
        }
        Map<String, String> raw = rawParameters(EncodedWords.unfold(header));
        String n = name.toLowerCase(Locale.ROOT);
        // Continuations: name*0, name*0*, name*1 ...
        TreeMap<Integer, String[]> parts = new TreeMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            String k = e.getKey();
            if (k.startsWith(n + "*") && k.length() > n.length() + 1) {
                String rest = k.substring(n.length() + 1);
                boolean extended = rest.endsWith("*");
                String index = extended ? rest.substring(0, rest.length() - 1) : rest;
                if (!index.isEmpty() && index.chars().allMatch(Character::isDigit)) {
                    parts.put(Integer.parseInt(index), new String[] {e.getValue(), extended ? "*" : ""});
                }
            }
        }
        if (!parts.isEmpty()) {
            String charset = null;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            boolean first = true;
            for (String[] part : parts.values()) {
                String value = part[0];
                if (part[1].equals("*")) {
                    if (first) {
                        int q1 = value.indexOf('\'');
                        int q2 = q1 < 0 ? -1 : value.indexOf('\'', q1 + 1);
                        if (q2 > 0) {
                            charset = value.substring(0, q1);
                            value = value.substring(q2 + 1);
                        }
                    }
                    bytes.writeBytes(percentDecode(value));
                } else {
                    bytes.writeBytes(value.getBytes(StandardCharsets.ISO_8859_1));
                }
                first = false;
            }
            return KoreanCharsets.decode(bytes.toByteArray(), charset);
        }
        String extended = raw.get(n + "*");
        if (extended != null) {
            int q1 = extended.indexOf('\'');
            int q2 = q1 < 0 ? -1 : extended.indexOf('\'', q1 + 1);
            if (q2 > 0) {
                return KoreanCharsets.decode(percentDecode(extended.substring(q2 + 1)), extended.substring(0, q1));
            }
            return KoreanCharsets.decode(percentDecode(extended), null);
        }
        String plain = raw.get(n);
        return plain == null ? null : EncodedWords.decode(plain);
    }

    /** name → value as written (quotes removed, escapes undone), names lower-cased. */
    static Map<String, String> rawParameters(String header) {
        Map<String, String> out = new TreeMap<>();
        int i = header.indexOf(';');
        if (i < 0) {
            return out;
        }
        int len = header.length();
        while (i < len) {
            while (i < len && (header.charAt(i) == ';' || Character.isWhitespace(header.charAt(i)))) {
                i++;
            }
            int eq = header.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = header.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            i = eq + 1;
            while (i < len && Character.isWhitespace(header.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < len && header.charAt(i) == '"') {
                i++;
                while (i < len && header.charAt(i) != '"') {
                    char c = header.charAt(i);
                    if (c == '\\' && i + 1 < len) {
                        c = header.charAt(++i);
                    }
                    value.append(c);
                    i++;
                }
                i++; // closing quote
                while (i < len && header.charAt(i) != ';') {
                    i++;
                }
            } else {
                while (i < len && header.charAt(i) != ';') {
                    value.append(header.charAt(i++));
                }
            }
            if (!name.isEmpty()) {
                out.put(name, value.toString().strip());
            }
        }
        return out;
    }

    private static byte[] percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && EncodedWords.isHex(s.charAt(i + 1))
                    && EncodedWords.isHex(s.charAt(i + 2))) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
