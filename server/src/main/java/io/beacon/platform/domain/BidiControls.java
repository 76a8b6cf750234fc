package io.beacon.platform.domain;

/**
 * Unicode bidirectional controls (embeddings, overrides, isolates and the invisible direction
 * marks) make a name display differently from what it is: {@code "invoice\u202Efdp.exe"} shows as
 * "invoiceexe.pdf". Names that people pick from a list or open as files must not carry them.
 */
public final class BidiControls {
    private BidiControls() {}

    /** The text without U+202A..U+202E, U+2066..U+2069, U+200E, U+200F and U+061C; null stays null. */
    public static String strip(String text) {
        if (text == null || text.chars().noneMatch(BidiControls::isControl)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.chars().filter(c -> !isControl(c)).forEach(c -> out.append((char) c));
        return out.toString();
    }

    static boolean isControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C;
    }
}
