package io.beacon.correlation.domain;

import static io.beacon.correlation.domain.Situation.APP_5000;
import static io.beacon.correlation.domain.Situation.CORE;
import static io.beacon.correlation.domain.Situation.SERVER_1000;
import static io.beacon.correlation.domain.Situation.SERVER_1020;
import static io.beacon.correlation.domain.Situation.SWITCH_10;
import static io.beacon.correlation.domain.Situation.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.correlation.domain.AlarmState.Role;
import org.junit.jupiter.api.Test;

class RootCauseClearedRuleTest {
    private final Situation site = new Situation();
    private final RootCauseClearedRule rule = new RootCauseClearedRule(site.memory);

    @Test
    void theStillActiveSymptomsOfAClearedRootAreReleasedUpstreamFirst() {
        TrackedAlarm core = site.incident(CORE, 0);
        TrackedAlarm server = site.symptom(SERVER_1000, 1, core);
        TrackedAlarm sw = site.symptom(SWITCH_10, 2, core);
        site.memory.deactivate(core, at(120));

        assertThat(rule.release(core)).containsExactly(sw, server);
        assertThat(server.role).isNull();
        assertThat(server.rootAlarmId).isNull();
        assertThat(RootCauseClearedRule.because(core).text()).isEqualTo("root cause nodeDown on ci-1 cleared: ");
        assertThat(RootCauseClearedRule.because(core).key()).isEqualTo("sys.reason.rootCleared");
        assertThat(RootCauseClearedRule.because(core).args()).containsEntry("root", "nodeDown on ci-1");
    }

    @Test
    void symptomsOfAnotherRootAndClearedSymptomsStayAsTheyAre() {
        TrackedAlarm core = site.incident(CORE, 0);
        TrackedAlarm server = site.incident(SERVER_1000, 0);
        TrackedAlarm app = site.symptom(APP_5000, 1, server);
        TrackedAlarm clearedSymptom = site.symptom(SERVER_1020, 1, core);
        site.memory.deactivate(clearedSymptom, at(30));
        site.memory.deactivate(core, at(120));

        assertThat(rule.release(core)).isEmpty();
        assertThat(app.role).isEqualTo(Role.SYMPTOM);
        assertThat(app.rootAlarmId).isEqualTo(SERVER_1000);
    }
}
