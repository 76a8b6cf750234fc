package io.beacon.workflows.decision;

import io.beacon.change.domain.ChangeType;
import io.beacon.change.domain.Risk;
import io.beacon.event.domain.Severity;
import io.beacon.ticket.domain.Level;
import io.beacon.workflows.engine.InMemoryEngine;
import java.util.Map;
import java.util.function.IntConsumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Prints what one evaluation costs through the ports (latest version looked up by key, parsed table from the
 * engine's cache): the first call after deployment, then the average of warm calls. A benchmark, not a
 * test: it asserts nothing about time and runs only with {@code -Dbeacon.benchmark=true}.
 */
class DecisionBenchmarkTest {
    private static final int WARM = 2_000;
    static ProcessEngine engine;
    static DecisionTables tables;

    @BeforeAll
    static void startEngine() {
        Assumptions.assumeTrue(Boolean.getBoolean("beacon.benchmark"), "a benchmark: run with -Dbeacon.benchmark=true");
        engine = InMemoryEngine.start("decision-benchmark-test", Map.of());
        tables = DecisionTables.on(engine);
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void printsWhatAnEvaluationCosts() {
        Level[] levels = Level.values();
        Severity[] severities = Severity.values();
        Risk[] risks = Risk.values();
        CamundaPriorityDecision priority = new CamundaPriorityDecision(tables);
        CamundaApprovalDecision approval = new CamundaApprovalDecision(tables);
        CamundaIncidentDecision incident = new CamundaIncidentDecision(tables);
        CamundaAlarmPriorityDecision alarm = new CamundaAlarmPriorityDecision(tables);
        measure("ticketPriority", i -> priority.of(levels[i % 3], levels[i / 3 % 3]));
        measure("changeApproval", i -> approval.approval(ChangeType.NORMAL, risks[i % 3]));
        measure("mailIncident", i -> incident.ticketType("kim@corp.kr", "s" + i, i % 2 == 0, i % 3 == 0));
        measure("alarmPriority", i -> alarm.priority(severities[i % severities.length]));
    }

    private static void measure(String key, IntConsumer call) {
        long t0 = System.nanoTime();
        call.accept(0);
        long cold = System.nanoTime() - t0;
        for (int i = 1; i <= WARM; i++) { // warm-up: the JIT, not a cache of ours
            call.accept(i);
        }
        long t1 = System.nanoTime();
        for (int i = 1; i <= WARM; i++) {
            call.accept(i);
        }
        double warmMicros = (System.nanoTime() - t1) / 1_000.0 / WARM;
        System.out.printf("decision %-15s cold %8.2f ms, warm %7.1f µs per evaluation (%d calls)%n", key,
                cold / 1_000_000.0, warmMicros, WARM);
    }
}
