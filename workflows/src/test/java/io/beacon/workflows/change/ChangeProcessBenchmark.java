package io.beacon.workflows.change;

import static io.beacon.workflows.ProcessVariables.*;

import io.beacon.change.application.ApproverSlot;
import io.beacon.change.domain.Change;
import io.beacon.change.domain.ChangeType;
import io.beacon.change.domain.Risk;
import io.beacon.workflows.decision.CamundaApprovalDecision;
import io.beacon.workflows.decision.DecisionTables;
import io.beacon.workflows.engine.InMemoryEngine;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Prints how many change processes per second the engine starts (up to the CAB approval tasks) and how
 * many approval tasks per second it completes, on the in-memory engine with the real BPMN and steps.
 * Run (after {@code ./mvnw -o -q -pl workflows -am install -DskipTests}): {@code ./mvnw -o -q -pl workflows
 * org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.beacon.workflows.change.ChangeProcessBenchmark [-Dexec.args=2000]}
 */
public final class ChangeProcessBenchmark {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        ChangeSteps steps = new ChangeSteps();
        ChangeProcessTest.RecordingChanges changes = new ChangeProcessTest.RecordingChanges();
        ChangeProcessTest.FixedPool pool = new ChangeProcessTest.FixedPool();
        pool.slots = List.of(new ApproverSlot("alice", List.of("alice")), new ApproverSlot("bob", List.of("bob")));
        steps.changes = changes;
        steps.pool = pool;
        steps.settings = new ChangeProcessTest.Settings();
        steps.calendars = new ChangeProcessTest.Calendars();
        steps.notifications = (to, subject, text) -> { };
        steps.clock = Clock.systemUTC();
        ChangeProcessTest.Approvals approvals = new ChangeProcessTest.Approvals();
        steps.approvals = approvals;
        ProcessEngine engine = InMemoryEngine.start("change-benchmark", Map.of("changeSteps", steps));
        approvals.table = new CamundaApprovalDecision(DecisionTables.on(engine));
        try {
            run(engine, changes, Math.min(200, n)); // warm-up
            run(engine, changes, n);
        } finally {
            engine.close();
        }
    }

    private static void run(ProcessEngine engine, ChangeProcessTest.RecordingChanges changes, int n) {
        long offset = changes.current.size() + 1_000_000L;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long id = offset + i;
            Change c = new Change(id, ChangeType.NORMAL, "bench " + i, null, Risk.HIGH, Instant.now(),
                    Instant.now().plusSeconds(3600), null, null, "req", "impl", Set.of(), Instant.now());
            changes.current.put(id, c);
            Map<String, Object> vars = new HashMap<>();
            vars.put(CHANGE_ID, id);
            vars.put(CHANGE_KEY, c.getKey());
            vars.put(CHANGE_TYPE, "normal");
            vars.put(TITLE, c.getTitle());
            vars.put(REQUESTER, "req");
            vars.put(IMPLEMENTER, "impl");
            engine.getRuntimeService().startProcessInstanceByKey(CamundaChangeProcess.PROCESS, c.getKey(), vars);
        }
        long t1 = System.nanoTime();
        TaskService tasks = engine.getTaskService();
        int completed = 0;
        List<Task> open;
        while (!(open = tasks.createTaskQuery().taskDefinitionKey("approve").listPage(0, 500)).isEmpty()) {
            for (Task t : open) {
                tasks.complete(t.getId(), Map.of(APPROVED, true));
                completed++;
            }
        }
        long t2 = System.nanoTime();
        System.out.printf("change processes started: %d in %d ms = %.0f/s (each to its 2 CAB approval tasks)%n", n,
                (t1 - t0) / 1_000_000, n / ((t1 - t0) / 1e9));
        System.out.printf("approval tasks completed: %d in %d ms = %.0f/s (the last one of each schedules the change)%n",
                completed, (t2 - t1) / 1_000_000, completed / ((t2 - t1) / 1e9));
    }
}
