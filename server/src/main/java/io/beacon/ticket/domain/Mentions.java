package io.beacon.ticket.domain;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code @username} mentions in a note: an {@code @} that starts a word (not the middle of an
 * e-mail address), followed by a user name; a full stop or comma right after it ends the sentence,
 * not the name.
 */
public final class Mentions {
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}._@-])@([A-Za-z0-9][A-Za-z0-9._@-]{0,63})");
    /** At most this many people are notified by one note. */
    public static final int MAX = 20;

    private Mentions() {}

    public static Set<String> in(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text == null) {
            return names;
        }
        Matcher m = MENTION.matcher(text);
        while (m.find() && names.size() < MAX) {
            String name = m.group(1);
            while (!name.isEmpty() && ".-@".indexOf(name.charAt(name.length() - 1)) >= 0) {
                name = name.substring(0, name.length() - 1);
            }
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }
}
