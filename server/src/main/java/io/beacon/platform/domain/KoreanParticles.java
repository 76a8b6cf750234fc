package io.beacon.platform.domain;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Korean particles chosen by the final consonant of the word before them, the same rule as the
 * console's {@code format} in {@code js/core.js}: a pattern such as {@code "{assignee}{을/를} 지정"}
 * gets 을 after a word ending in a consonant and 를 after a vowel. Pairs: 을/를, 이/가, 은/는, 과/와,
 * 으로/로 (로 after ㄹ too). Digits go by their Korean reading (1, 7, 8 end in ㄹ; 0, 3, 6 in another
 * consonant), Latin letters by how the word ends in English (l: ㄹ; m, n: a consonant; others: a vowel).
 */
public final class KoreanParticles {
    private static final Pattern TOKEN = Pattern.compile("\\{([^{}]+)\\}");
    private static final Map<String, String[]> PAIRS = Map.of(
            "을/를", new String[] {"을", "를"}, "이/가", new String[] {"이", "가"}, "은/는", new String[] {"은", "는"},
            "과/와", new String[] {"과", "와"}, "으로/로", new String[] {"으로", "로"});

    /** What ends a word: none (a vowel), a consonant other than ㄹ, ㄹ, or unknown (no letter or digit). */
    public enum Ending { VOWEL, CONSONANT, RIEUL, UNKNOWN }

    private KoreanParticles() {}

    /** The ending of the last letter or digit of {@code text} (closing brackets, quotes and spaces skipped). */
    public static Ending ending(String text) {
        for (int i = text == null ? -1 : text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c >= 0xAC00 && c <= 0xD7A3) {
                int jong = (c - 0xAC00) % 28;
                return jong == 0 ? Ending.VOWEL : jong == 8 ? Ending.RIEUL : Ending.CONSONANT;
            }
            if (c >= '0' && c <= '9') {
                return switch (c) {
                    case '1', '7', '8' -> Ending.RIEUL;
                    case '0', '3', '6' -> Ending.CONSONANT;
                    default -> Ending.VOWEL;
                };
            }
            char l = Character.toLowerCase(c);
            if (l >= 'a' && l <= 'z') {
                return l == 'l' ? Ending.RIEUL : l == 'm' || l == 'n' ? Ending.CONSONANT : Ending.VOWEL;
            }
            if (Character.isLetter(c)) {
                return Ending.UNKNOWN;
            }
        }
        return Ending.UNKNOWN;
    }

    /** The particle of a pair such as {@code "을/를"} after {@code word}; an unknown ending gives "을(를)". */
    public static String particle(String pair, String word) {
        String[] p = PAIRS.get(pair);
        if (p == null) {
            throw new IllegalArgumentException("no such particle pair: " + pair);
        }
        return switch (ending(word)) {
            case CONSONANT -> p[0];
            case RIEUL -> "으로".equals(p[0]) ? p[1] : p[0];
            case VOWEL -> p[1];
            case UNKNOWN -> p[0] + "(" + p[1] + ")";
        };
    }

    /** Fills {@code {name}} from {@code args} and each particle pair after what precedes it; unknown names stay. */
    public static String format(String pattern, Map<String, String> args) {
        Matcher m = TOKEN.matcher(pattern);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(pattern, last, m.start());
            String name = m.group(1);
            if (PAIRS.containsKey(name)) {
                out.append(particle(name, out.toString()));
            } else if (args != null && args.containsKey(name)) {
                out.append(args.get(name));
            } else {
                out.append(m.group());
            }
            last = m.end();
        }
        return out.append(pattern.substring(last)).toString();
    }
}
