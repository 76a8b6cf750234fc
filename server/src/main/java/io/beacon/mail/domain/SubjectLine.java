package io.beacon.mail.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a subject line says about threading: the ticket keys it carries ({@code [REQ-42]}) and
 * the subject without reply/forward prefixes (RE, FW, Korean Outlook's 회신/전달, 답장, 답변,
 * counters like {@code RE[2]:}, full-width colons, gateway tags such as {@code [외부메일]}).
 */
public final class SubjectLine {
    private static final Pattern KEY = Pattern.compile("\\[\\s*(INC|REQ|PRB)\\s*-\\s*(\\d{1,18})\\s*]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PREFIX = Pattern.compile(
            "^\\s*(?:(?:re|aw|sv|antw|fw|fwd|wg|tr|회신|답장|답변|전달)\\s*(?:\\[\\d+]|\\(\\d+\\))?\\s*[:：]"
                    + "|\\[(?:외부메일|외부|external|ext)]|\\((?:외부메일|외부|external)\\))",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private SubjectLine() {}

    /** The ticket keys in the subject, leftmost first, upper-cased ({@code [req-7]} gives REQ-7). */
    public static List<String> ticketKeys(String subject) {
        List<String> keys = new ArrayList<>();
        if (subject == null) {
            return keys;
        }
        Matcher m = KEY.matcher(subject);
        while (m.find()) {
            String key = m.group(1).toUpperCase(Locale.ROOT) + "-" + Long.parseLong(m.group(2));
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** The subject without any number of leading reply/forward prefixes and gateway tags. */
    public static String withoutPrefixes(String subject) {
        if (subject == null) {
            return "";
        }
        String s = subject.strip();
        while (true) {
            Matcher m = PREFIX.matcher(s);
            if (!m.find()) {
                return s;
            }
            s = s.substring(m.end()).strip();
        }
    }

    /** A ticket title from a subject: prefixes and the key tag removed; a placeholder when nothing is left. */
    public static String title(String subject, String fallback, int max) {
        String s = KEY.matcher(withoutPrefixes(subject)).replaceAll(" ").replaceAll("\\s+", " ").strip();
        if (s.isEmpty()) {
            s = fallback;
        }
        return s.length() > max ? s.substring(0, max) : s;
    }
}
