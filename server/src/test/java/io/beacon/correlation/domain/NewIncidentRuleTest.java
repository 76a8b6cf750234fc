package io.beacon.correlation.domain;

import static io.beacon.correlation.domain.Situation.SERVER_1000;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.correlation.domain.Decision.OpenIncident;
import org.junit.jupiter.api.Test;

class NewIncidentRuleTest {
    private final Situation site = new Situation();
    private final NewIncidentRule rule = new NewIncidentRule();
    private final TrackedAlarm server = site.raised(SERVER_1000, 0);

    @Test
    void anUnexplainedAlarmOpensAnIncident() {
        assertThat(rule.open(server, "", null, null)).isEqualTo(
                new OpenIncident(SERVER_1000, null, null, "nodeDown on ci-1000"));
    }

    @Test
    void anIncidentNamesTheSuspectChange() {
        assertThat(rule.open(server, "", null, "CHG-9")).isEqualTo(new OpenIncident(SERVER_1000, null, "CHG-9",
                "nodeDown on ci-1000; suspected cause: CHG-9, which ended shortly before"));
    }

    @Test
    void anAlarmThatOutlivedAChangeNamesItAsRelatedAndPossiblyFailed() {
        assertThat(rule.open(server, "still active when ...: ", "CHG-7", "CHG-7")).isEqualTo(
                new OpenIncident(SERVER_1000, "CHG-7", "CHG-7",
                        "still active when ...: nodeDown on ci-1000 outlived the window of CHG-7, which may have failed"));
    }
}
