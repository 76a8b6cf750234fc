package io.beacon.workflows.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.workflows.engine.InMemoryEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Remembered answers never outlive their table: a replaced table answers the very next call, and clock-reading tables are not remembered. */
class DecisionAnswersTest {
    ProcessEngine engine;
    DecisionTables tables;

    @BeforeEach
    void startEngine() {
        engine = InMemoryEngine.start("decision-answers-" + System.nanoTime(), Map.of());
        tables = DecisionTables.on(engine);
    }

    @AfterEach
    void stopEngine() {
        engine.close();
    }

    @Test
    void aReplacedTableAnswersTheNextCallThoughTheOldAnswerWasRemembered() throws IOException {
        Map<String, Object> highHigh = Map.of("impact", "high", "urgency", "high");
        assertThat(tables.evaluate("ticketPriority", highHigh)).containsEntry("priority", "P1");
        assertThat(tables.evaluate("ticketPriority", highHigh)).containsEntry("priority", "P1");

        deploy(shipped("ticketPriority").replace("<text>\"P1\"</text>", "<text>\"P2\"</text>"));

        assertThat(tables.evaluate("ticketPriority", highHigh)).containsEntry("priority", "P2");
    }

    @Test
    void theShippedTablesAreRememberedAndClockOrScriptTablesAreNot() throws IOException {
        for (String key : new String[] {"ticketPriority", "alarmPriority", "changeApproval", "mailIncident"}) {
            assertThat(DecisionTables.pureFeel(shipped(key))).as(key).isTrue();
        }
        String table = shipped("ticketPriority");
        assertThat(DecisionTables.pureFeel(table.replace("<text>\"P1\"</text>",
                "<text>if today() &gt; date(\"2027-01-01\") then \"P2\" else \"P1\"</text>"))).isFalse();
        assertThat(DecisionTables.pureFeel(table.replace("<text>\"P1\"</text>",
                "<text expressionLanguage=\"javascript\">\"P1\"</text>"))).isFalse();
    }

    private void deploy(String dmn) {
        engine.getRepositoryService().createDeployment().addString("ticketPriority.dmn", dmn).deploy();
    }

    private static String shipped(String key) throws IOException {
        try (InputStream in = DecisionAnswersTest.class.getResourceAsStream("/decisions/" + key + ".dmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
