package io.beacon.platform.rest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of refusals in each language Beacon speaks ({@code messages/problems*.properties}): the
 * reader's language is the first of their {@code Accept-Language} that Beacon speaks, else English.
 */
public final class ProblemMessages {
    static final List<String> LANGUAGES = List.of("en", "ko");
    private static final String BUNDLE = "messages.problems";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private ProblemMessages() {}

    /** The first acceptable language that Beacon speaks ({@code en} when none is). */
    public static String language(List<Locale> acceptable) {
        if (acceptable != null) {
            for (Locale l : acceptable) {
                if (LANGUAGES.contains(l.getLanguage())) {
                    return l.getLanguage();
                }
            }
        }
        return "en";
    }

    /** The message in that language with its {name} arguments filled in; empty when the key is unknown. */
    public static Optional<String> render(String key, Map<String, Object> args, String language) {
        String text = text(key, language).or(() -> text(key, "en")).orElse(null);
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = args == null ? null : args.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : String.valueOf(value)));
        }
        m.appendTail(out);
        return Optional.of(out.toString());
    }

    private static Optional<String> text(String key, String language) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language),
                    ProblemMessages.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return bundle.containsKey(key) ? Optional.of(bundle.getString(key)) : Optional.empty();
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }
}
