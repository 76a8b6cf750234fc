package io.beacon.ticket.domain;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a canned response's placeholders: {@code {{requester}}} (the requester's name), {@code {{key}}},
 * {@code {{title}}}, {@code {{ci}}} (the ticket's configuration items, by name) and {@code {{agent}}}
 * (who sends the reply). An unknown placeholder stays as written, so a typo shows before sending.
 */
public final class CannedText {
    public static final java.util.List<String> PLACEHOLDERS = java.util.List.of("requester", "key", "title", "ci", "agent");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z]+)\\s*}}");

    private CannedText() {}

    public static String render(String template, Map<String, String> values) {
        if (template == null) {
            return "";
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
