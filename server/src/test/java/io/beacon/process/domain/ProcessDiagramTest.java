package io.beacon.process.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.process.domain.ProcessDiagram.ActivityRun;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessDiagramTest {
    private static ActivityRun done(String id) {
        return new ActivityRun(id, "task", true, false);
    }

    private static ActivityRun open(String id) {
        return new ActivityRun(id, "task", false, false);
    }

    private static ActivityRun cancelled(String id) {
        return new ActivityRun(id, "task", true, true);
    }

    @Test
    void aNewTicketWaitsInItsFirstStateAfterTheStartAndTheSlaStart() {
        ProcessDiagram d = ProcessDiagram.of("ticket-lifecycle", 3, "<xml/>",
                List.of(done("opened"), done("startSla"), open("working")), List.of("working"), false);

        assertThat(d.active()).containsExactly("working");
        assertThat(d.completed()).containsExactly("opened", "startSla");
        assertThat(d.ended()).isFalse();
        assertThat(d.version()).isEqualTo(3);
        assertThat(d.xml()).isEqualTo("<xml/>");
    }

    @Test
    void anActivityWaitedInAgainShowsOnlyAsActiveAndEachIdComesOnceInTheOrderItWasDone() {
        ProcessDiagram d = ProcessDiagram.of("ticket-lifecycle", 1, "",
                List.of(done("opened"), done("startSla"), done("working"), done("pending"), done("pauseSla"),
                        done("paused"), done("resumed"), done("resumeSla"), open("working")),
                List.of("working", "working"), false);

        assertThat(d.active()).containsExactly("working");
        assertThat(d.completed()).containsExactly("opened", "startSla", "pending", "pauseSla", "paused", "resumed",
                "resumeSla");
    }

    @Test
    void aCancelledRunIsNotCompletedButAnEarlierFinishedRunOfTheSameActivityIs() {
        ProcessDiagram d = ProcessDiagram.of("change-management", 2, "",
                List.of(done("submitted"), done("approve"), cancelled("review"), cancelled("approve")),
                List.of(), true);

        assertThat(d.completed()).containsExactly("submitted", "approve");
    }

    /** The engine ends an event-based gateway's run by cancelling it when one of its events fires. */
    private static ActivityRun leftGateway(String id) {
        return new ActivityRun(id, "eventBasedGateway", true, true);
    }

    @Test
    void anEventBasedGatewayLeftByItsEventIsPassedButNotOneWhoseInstanceWasEndedWhileItWaited() {
        ProcessDiagram closed = ProcessDiagram.of("ticket-lifecycle", 1, "",
                List.of(done("opened"), done("startSla"), leftGateway("working"), done("closedWhileOpen"), done("done")),
                List.of(), true);
        assertThat(closed.completed()).containsExactly("opened", "startSla", "working", "closedWhileOpen", "done");

        ProcessDiagram deleted = ProcessDiagram.of("ticket-lifecycle", 1, "",
                List.of(done("opened"), done("startSla"), leftGateway("working")), List.of(), true);
        assertThat(deleted.completed()).containsExactly("opened", "startSla");
    }

    @Test
    void multiInstanceBodiesAreNamedByTheirActivityAsTheDiagramKnowsIt() {
        ProcessDiagram d = ProcessDiagram.of("change-management", 2, "",
                List.of(done("submitted"), done("assess"), open("approve#multiInstanceBody"), open("approve"),
                        done("approve")),
                List.of("approve"), false);

        assertThat(d.active()).containsExactly("approve");
        assertThat(d.completed()).containsExactly("submitted", "assess");

        ProcessDiagram later = ProcessDiagram.of("change-management", 2, "",
                List.of(done("approve#multiInstanceBody"), done("approve"), open("startImplementation")),
                List.of("startImplementation"), false);
        assertThat(later.completed()).containsExactly("approve");
    }

    @Test
    void anEndedInstanceHasNothingActiveWhateverTheEngineStillReports() {
        ProcessDiagram d = ProcessDiagram.of("ticket-lifecycle", 1, "",
                List.of(done("opened"), done("done")), List.of("working"), true);

        assertThat(d.active()).isEmpty();
        assertThat(d.completed()).containsExactly("opened", "done");
        assertThat(d.ended()).isTrue();
    }

    @Test
    void unfinishedRunsAndMissingIdsAreLeftOut() {
        ProcessDiagram d = ProcessDiagram.of("k", 1, "",
                List.of(open("a"), new ActivityRun(null, "task", true, false), done("b")), java.util.Arrays.asList("c", null),
                false);

        assertThat(d.active()).containsExactly("c");
        assertThat(d.completed()).containsExactly("b");
    }
}
