package io.beacon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Text Beacon writes is stored as a key of the console's bundles ({@code sys.*}): every key the server
 * stores exists in both languages, with the arguments the server passes; Korean particles are the
 * pairs the console chooses by the final consonant, never the "을(를)" form.
 */
class SystemTextKeysTest {
    private static final Path SERVER = Path.of("../server/src/main/java");
    private static final Pattern STORED = Pattern.compile("(?:SystemText\\.of\\(|Wording\\.reason\\(\\s*\\w+,)\\s*(?:[^\"]*\\?\\s*)?\"(sys\\.[\\w.]+)\"(?:\\s*:\\s*\"(sys\\.[\\w.]+)\")?");
    private static final Pattern TOKEN = Pattern.compile("\\{([^{}\\w][^{}]*|[^{}]*/[^{}]*)}");
    private static final Set<String> PAIRS = Set.of("을/를", "이/가", "은/는", "과/와", "으로/로");

    private static Set<String> storedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SERVER)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = STORED.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    keys.add(m.group(1));
                    if (m.group(2) != null) {
                        keys.add(m.group(2));
                    }
                }
            }
        }
        return keys;
    }

    @Test
    void everyKeyTheServerStoresIsInBothBundles() throws IOException {
        Set<String> stored = storedKeys();
        assertThat(stored).contains("sys.incident.fromAlarm", "sys.incident.alarmTitle", "sys.note.symptoms",
                "sys.note.symptomsMore", "sys.note.mergedHere", "sys.note.addressClaimed", "sys.mail.bounced",
                "sys.reason.symptom", "sys.reason.plannedWork", "sys.reason.plannedWorkUpstream", "sys.reason.cleared",
                "sys.reason.workEnded", "sys.incident.resolvedAuto", "sys.note.followsUp", "sys.conflict.sameCi",
                "sys.conflict.relatedCi", "sys.conflict.freeze", "sys.conflict.maintenance");
        Map<String, String> ko = MessageBundlesTest.bundle("ko");
        Map<String, String> en = MessageBundlesTest.bundle("en");
        for (String key : stored) {
            assertThat(en).as("en " + key).containsKey(key);
            assertThat(ko).as("ko " + key).containsKey(key);
        }
        assertThat(MessageBundlesTest.placeholders(ko.get("sys.incident.fromAlarm")))
                .containsExactlyInAnyOrder("alarm", "severity", "source", "message", "reductionKey", "firstSeenAt");
    }

    @Test
    void koreanParticlesAreChosenNotWrittenBoth() throws IOException {
        for (Map.Entry<String, String> e : MessageBundlesTest.bundle("ko").entrySet()) {
            assertThat(e.getValue()).as(e.getKey()).doesNotContain("을(를)", "를(을)", "이(가)", "은(는)", "과(와)", "(으)로");
            Matcher m = TOKEN.matcher(e.getValue());
            while (m.find()) {
                assertThat(PAIRS).as("particle pair in " + e.getKey()).contains(m.group(1));
            }
        }
        assertThat(MessageBundlesTest.bundle("ko").get("timeline.field")).contains("{field}{을/를}", "{to}{으로/로}");
    }

    @Test
    void theConsoleChoosesParticlesByTheSameRuleAsTheServer() throws IOException {
        String core = Files.readString(Path.of("src/main/resources/META-INF/resources/js/core.js"), StandardCharsets.UTF_8);
        assertThat(core).contains("(c - 0xAC00) % 28", "jong === 8 ? 'rieul'", "'178'.includes(ch) ? 'rieul'",
                "'036'.includes(ch) ? 'consonant'");
    }
}
