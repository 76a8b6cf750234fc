package io.beacon.correlation.domain;

import static io.beacon.correlation.domain.Situation.APP_5000;
import static io.beacon.correlation.domain.Situation.CORE;
import static io.beacon.correlation.domain.Situation.SERVER_1000;
import static io.beacon.correlation.domain.Situation.SERVER_1020;
import static io.beacon.correlation.domain.Situation.SWITCH_10;
import static io.beacon.correlation.domain.Situation.SWITCH_11;
import static io.beacon.correlation.domain.Situation.at;
import static io.beacon.correlation.domain.Situation.change;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.correlation.domain.AlarmState.Role;
import io.beacon.correlation.domain.Decision.AttachSymptom;
import org.junit.jupiter.api.Test;

class RootCauseRuleTest {
    private final Situation site = new Situation();
    private final RootCauseRule rule = new RootCauseRule(site.memory);

    @Test
    void anAlarmBehindAnIncidentUpstreamIsItsSymptom() {
        site.incident(CORE, 0);
        TrackedAlarm app = site.raised(APP_5000, 10);

        assertThat(rule.attach(app, null)).get().isInstanceOfSatisfying(AttachSymptom.class, a -> {
            assertThat(a.alarmId()).isEqualTo(APP_5000);
            assertThat(a.rootAlarmId()).isEqualTo(CORE);
            assertThat(a.reason()).isEqualTo("nodeDown on ci-5000 is behind nodeDown on ci-1 (alarm 1), the root cause");
        });
        assertThat(app.role).isEqualTo(Role.SYMPTOM);
        assertThat(app.rootAlarmId).isEqualTo(CORE);
    }

    @Test
    void aSymptomUpstreamLeadsToItsRootCause() {
        TrackedAlarm core = site.incident(CORE, 0);
        site.symptom(SWITCH_10, 5, core);

        assertThat(rule.attach(site.raised(SERVER_1000, 10), null)).get()
                .isInstanceOfSatisfying(AttachSymptom.class, a -> assertThat(a.rootAlarmId()).isEqualTo(CORE));
    }

    @Test
    void ofTwoIncidentsUpstreamTheEarlierRaisedIsTheRootCause() {
        site.incident(SWITCH_10, 0);
        site.incident(CORE, 5);

        assertThat(rule.attach(site.raised(SERVER_1000, 10), null)).get()
                .isInstanceOfSatisfying(AttachSymptom.class, a -> assertThat(a.rootAlarmId()).isEqualTo(SWITCH_10));
    }

    @Test
    void noRootCauseWhenTheIncidentIsElsewhereDownstreamOrCleared() {
        site.incident(SERVER_1020, 0); // behind the other distribution switch
        site.incident(SERVER_1000, 0); // behind the switch, not in front of it
        site.memory.deactivate(site.incident(CORE, 0), at(5));
        TrackedAlarm sw = site.raised(SWITCH_10, 10);

        assertThat(rule.attach(sw, null)).isEmpty();
        assertThat(sw.role).isNull();
    }

    @Test
    void anAlarmSuppressedByPlannedWorkUpstreamIsNoRootCause() {
        site.suppressed(SWITCH_11, 0, change("CHG-7", SWITCH_11, 0, 3600));

        assertThat(rule.attach(site.raised(SERVER_1020, 10), null)).isEmpty();
    }

    @Test
    void anAlarmOnNoKnownCiHasNoRootCause() {
        site.incident(CORE, 0);
        TrackedAlarm unknown = site.memory.track(new AlarmSignal(77, "trap:unknown", null, "unknown trap"), at(10));

        assertThat(rule.attach(unknown, null)).isEmpty();
    }
}
