package io.beacon.integrations.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the charset label a mail declares into the Java charset that really decodes it. Every
 * Korean label (euc-kr, Outlook's ks_c_5601-1987, cp949, uhc...) is decoded as CP949
 * ({@code x-windows-949}): in practice they all carry CP949 bytes, and the JDK's own aliases map
 * them to EUC-KR (or IBM's 949), which turns the 8,822 extra syllables such as 똠 into U+FFFD.
 */
public final class KoreanCharsets {
    static final Charset CP949 = Charset.forName("x-windows-949");
    private static final Set<String> KOREAN = Set.of("euc-kr", "euckr", "euc_kr", "cseuckr", "ksc5601", "ksc_5601",
            "ks_c_5601", "ks_c_5601-1987", "ks_c_5601-1989", "ks_c_5601_1987", "ksc5601-1987", "iso-ir-149",
            "csksc56011987", "korean", "windows-949", "x-windows-949", "ms949", "ms_949", "cp949", "949", "uhc",
            "x-uhc");

    private KoreanCharsets() {}

    /** The charset for a MIME label, or null when Java knows no such charset. */
    public static Charset forLabel(String label) {
        if (label == null) {
            return null;
        }
        String l = label.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        int star = l.indexOf('*'); // RFC 2231 language suffix: charset*lang
        if (star > 0) {
            l = l.substring(0, star);
        }
        if (l.isEmpty()) {
            return null;
        }
        if (KOREAN.contains(l)) {
            return CP949;
        }
        if (l.equals("iso-2022-kr") || l.equals("csiso2022kr")) {
            return Charset.forName("ISO-2022-KR");
        }
        if (l.equals("johab")) {
            return Charset.forName("x-Johab");
        }
        if (l.equals("us-ascii") || l.equals("ascii")) {
            return StandardCharsets.US_ASCII;
        }
        try {
            return Charset.forName(l);
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    /**
     * Decodes bytes with the declared charset; with none (or an unknown one), bytes that are
     * valid UTF-8 are read as UTF-8 and anything else as CP949, the two a Korean desk meets.
     */
    public static String decode(byte[] bytes, String label) {
        Charset cs = forLabel(label);
        if (cs != null && !(cs.equals(StandardCharsets.US_ASCII) && !isAscii(bytes))) {
            return new String(bytes, cs);
        }
        return guess(bytes);
    }

    static String guess(byte[] bytes) {
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, CP949);
        }
    }

    /**
     * A header that arrived as raw 8-bit bytes (no RFC 2047) is read by Jakarta Mail one byte per
     * char; this recovers the text by guessing the bytes' charset.
     */
    static String raw8bit(String header) {
        if (header == null) {
            return null;
        }
        boolean high = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c > 0xFF) {
                return header; // already real text
            }
            high |= c >= 0x80;
        }
        return high ? guess(header.getBytes(StandardCharsets.ISO_8859_1)) : header;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
