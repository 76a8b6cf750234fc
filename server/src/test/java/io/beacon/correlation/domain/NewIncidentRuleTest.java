package io.beacon.correlation.domain;

import static io.beacon.correlation.domain.Situation.SERVER_1000;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.correlation.domain.Decision.OpenIncident;
import io.beacon.platform.domain.SystemText;
import org.junit.jupiter.api.Test;

class NewIncidentRuleTest {
    private final Situation site = new Situation();
    private final NewIncidentRule rule = new NewIncidentRule();
    private final TrackedAlarm server = site.raised(SERVER_1000, 0);

    @Test
    void anUnexplainedAlarmOpensAnIncident() {
        Decision open = rule.open(server, null, null, null);
        assertThat(open).isInstanceOf(OpenIncident.class);
        assertThat(open.reason()).isEqualTo("nodeDown on ci-1000");
        assertThat(open.why().key()).isEqualTo("sys.reason.newIncident");
        assertThat(open.why().args()).containsEntry("alarm", "nodeDown on ci-1000").containsEntry("because", "");
    }

    @Test
    void anIncidentNamesTheSuspectChange() {
        Decision open = rule.open(server, null, null, "CHG-9");
        assertThat(open).isEqualTo(new OpenIncident(SERVER_1000, null, "CHG-9", open.why()));
        assertThat(open.reason()).isEqualTo("nodeDown on ci-1000; suspected cause: CHG-9, which ended shortly before");
        assertThat(open.why().key()).isEqualTo("sys.reason.suspect");
        assertThat(open.why().args()).containsEntry("change", "CHG-9");
    }

    @Test
    void anAlarmThatOutlivedAChangeNamesItAsRelatedAndPossiblyFailed() {
        SystemText ended = SystemText.of("sys.reason.workEnded", "still active when ...: ", "work", "CHG-7");
        Decision open = rule.open(server, ended, "CHG-7", "CHG-7");
        assertThat(open).isEqualTo(new OpenIncident(SERVER_1000, "CHG-7", "CHG-7", open.why()));
        assertThat(open.reason()).isEqualTo("still active when ...: nodeDown on ci-1000 outlived the window of CHG-7, which may have failed");
        // What it follows from is nested under "because", for the console to word in the reader's language.
        assertThat(open.why().key()).isEqualTo("sys.reason.outlived");
        assertThat(open.why().args()).containsEntry("becauseKey", "sys.reason.workEnded").containsEntry("because.work", "CHG-7")
                .containsEntry("because", "still active when ...: ");
    }
}
