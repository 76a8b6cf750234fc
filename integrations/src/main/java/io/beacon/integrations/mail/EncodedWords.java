package io.beacon.integrations.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 encoded words in headers, decoded leniently as real mail needs: whitespace between
 * adjacent encoded words is dropped; adjacent words in the same charset are joined as bytes
 * before decoding (senders split multibyte characters across words); words glued inside text
 * are decoded too; Korean labels go through {@link KoreanCharsets}.
 */
public final class EncodedWords {
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");

    private EncodedWords() {}

    public static String decode(String header) {
        if (header == null) {
            return null;
        }
        String text = KoreanCharsets.raw8bit(unfold(header));
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        String pendingCharset = null;
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        while (m.find()) {
            String between = text.substring(last, m.start());
            boolean adjacent = last > 0 && pendingCharset != null && between.isBlank();
            String charset = m.group(1).toLowerCase(Locale.ROOT);
            if (!(adjacent && charset.equals(pendingCharset))) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                if (!adjacent) {
                    out.append(between);
                }
            }
            byte[] bytes = "b".equalsIgnoreCase(m.group(2)) ? base64(m.group(3)) : qDecode(m.group(3));
            pending.writeBytes(bytes);
            pendingCharset = charset;
            last = m.end();
        }
        flush(out, pending, pendingCharset);
        out.append(text.substring(last));
        return out.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (pending.size() > 0) {
            out.append(KoreanCharsets.decode(pending.toByteArray(), charset));
            pending.reset();
        }
    }

    static String unfold(String header) {
        return header.replaceAll("\\r?\\n(?=[ \\t])", "").replaceAll("[\\r\\n]", "");
    }

    private static byte[] base64(String s) {
        String clean = s.replaceAll("[^A-Za-z0-9+/]", "");
        while (clean.length() % 4 != 0) {
            clean += "=";
        }
        try {
            return Base64.getDecoder().decode(clean);
        } catch (IllegalArgumentException broken) {
            return s.getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static byte[] qDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < s.length() && isHex(s.charAt(i + 1))
                    && isHex(s.charAt(i + 2))) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
