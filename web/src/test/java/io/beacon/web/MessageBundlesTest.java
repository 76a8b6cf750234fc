package io.beacon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every label of the console comes from the Korean and the English bundle: both hold the same keys
 * with the same placeholders, and every key the scripts name exists.
 */
class MessageBundlesTest {
    private static final Path RESOURCES = Path.of("src/main/resources/META-INF/resources");
    private static final Pattern ENTRY = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    /** t('key') and t('key', {...}) with a literal key; keys built at run time are checked by the browser tests. */
    private static final Pattern LITERAL_KEY = Pattern.compile("\\bt\\('([a-zA-Z][\\w.-]*)'");

    static Map<String, String> bundle(String locale) throws IOException {
        String json = Files.readString(RESOURCES.resolve("i18n/" + locale + ".json"), StandardCharsets.UTF_8);
        Map<String, String> out = new TreeMap<>();
        Matcher m = ENTRY.matcher(json);
        while (m.find()) {
            assertThat(out.put(m.group(1), m.group(2))).as("duplicate key " + m.group(1)).isNull();
        }
        return out;
    }

    static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void koreanAndEnglishHoldTheSameKeysAndPlaceholders() throws IOException {
        Map<String, String> ko = bundle("ko");
        Map<String, String> en = bundle("en");
        assertThat(ko).hasSizeGreaterThan(300);
        assertThat(ko.keySet()).isEqualTo(en.keySet());
        for (String key : ko.keySet()) {
            assertThat(ko.get(key)).as("ko " + key).isNotBlank();
            assertThat(en.get(key)).as("en " + key).isNotBlank();
            assertThat(placeholders(ko.get(key))).as("placeholders of " + key).isEqualTo(placeholders(en.get(key)));
        }
    }

    @Test
    void everyLabelTheScriptsAskForExists() throws IOException {
        Set<String> keys = bundle("en").keySet();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> scripts = Files.walk(RESOURCES.resolve("js"))) {
            for (Path script : scripts.filter(p -> p.toString().endsWith(".js")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(script, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        missing.add(script.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theKoreanBundleIsKorean() throws IOException {
        Map<String, String> ko = bundle("ko");
        assertThat(ko.get("nav.signOut")).isEqualTo("로그아웃");
        long hangul = ko.values().stream().filter(v -> v.codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3)).count();
        assertThat(hangul).as("labels in Hangul").isGreaterThan(ko.size() * 8 / 10);
    }
}
