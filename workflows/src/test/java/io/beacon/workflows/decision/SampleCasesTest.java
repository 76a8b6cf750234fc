package io.beacon.workflows.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.workflows.engine.InMemoryEngine;
import io.beacon.workflows.engine.ProcessFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each shipped table gives its sample cases, deployed and parsed alike; a changed table is caught by them. */
class SampleCasesTest {
    static ProcessEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = InMemoryEngine.start("sample-cases-test", Map.of());
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    static List<String> keys() {
        return ProcessFiles.DECISIONS.stream().map(f -> f.substring("decisions/".length(), f.length() - ".dmn".length())).toList();
    }

    @ParameterizedTest
    @MethodSource("keys")
    void theDeployedTableGivesItsSampleCases(String key) throws IOException {
        List<SampleCases.Case> cases = cases(key);
        assertThat(cases).isNotEmpty();
        assertThat(SampleCases.mismatches(cases, inputs -> DecisionTables.on(engine).evaluate(key, inputs))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("keys")
    void theParsedFileGivesItsSampleCases(String key) throws IOException {
        try (InputStream file = resource("decisions/" + key + ".dmn")) {
            assertThat(SampleCases.mismatches(cases(key), SampleCases.parsed(file, key))).isEmpty();
        }
    }

    @Test
    void aTableThatNoLongerGivesTheSampleCasesIsCaught() throws IOException {
        String shipped;
        try (InputStream file = resource("decisions/changeApproval.dmn")) {
            shipped = new String(file.readAllBytes(), StandardCharsets.UTF_8);
        }
        String majority = shipped.replace("<text>\"all\"</text></outputEntry>", "<text>\"majority\"</text></outputEntry>");
        assertThat(majority).isNotEqualTo(shipped);
        List<String> mismatches = SampleCases.mismatches(cases("changeApproval"), SampleCases.parsed(
                new ByteArrayInputStream(majority.getBytes(StandardCharsets.UTF_8)), "changeApproval"));
        assertThat(mismatches).hasSize(2).allSatisfy(m -> assertThat(m).contains("expected").contains("majority"));
    }

    @Test
    void twoMatchingRowsOfAUniqueTableAreAMismatchNotAnAnswer() throws IOException {
        String shipped;
        try (InputStream file = resource("decisions/alarmPriority.dmn")) {
            shipped = new String(file.readAllBytes(), StandardCharsets.UTF_8);
        }
        String overlapping = shipped.replace("<text>\"major\"</text></inputEntry>", "<text>\"major\",\"critical\"</text></inputEntry>");
        List<String> mismatches = SampleCases.mismatches(cases("alarmPriority"), SampleCases.parsed(
                new ByteArrayInputStream(overlapping.getBytes(StandardCharsets.UTF_8)), "alarmPriority"));
        assertThat(mismatches).singleElement().asString().contains("critical").contains("fails");
    }

    private static List<SampleCases.Case> cases(String key) throws IOException {
        try (InputStream json = resource(SampleCases.file(key))) {
            return SampleCases.read(json);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = SampleCasesTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }
}
