package io.beacon.event.domain;

/** Small text helpers for untrusted input from the network. */
public final class Texts {
    private Texts() {}

    /** At most {@code max} characters, control characters replaced, so that a column never overflows. */
    public static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
        }
        if (b.length() == max && s.length() > max && Character.isHighSurrogate(b.charAt(max - 1))) {
            b.setLength(max - 1);
        }
        return b.toString();
    }
}
