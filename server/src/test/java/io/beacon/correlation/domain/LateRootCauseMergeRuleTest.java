package io.beacon.correlation.domain;

import static io.beacon.correlation.domain.Situation.APP_5000;
import static io.beacon.correlation.domain.Situation.SERVER_1000;
import static io.beacon.correlation.domain.Situation.SERVER_1001;
import static io.beacon.correlation.domain.Situation.SERVER_1020;
import static io.beacon.correlation.domain.Situation.SWITCH_10;
import static io.beacon.correlation.domain.Situation.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.correlation.domain.AlarmState.Role;
import io.beacon.correlation.domain.Decision.AttachSymptom;
import io.beacon.correlation.domain.Decision.MergeIncident;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LateRootCauseMergeRuleTest {
    private final Situation site = new Situation();
    private final LateRootCauseMergeRule rule = new LateRootCauseMergeRule(site.memory, site.rules);

    @Test
    void aRootCauseArrivingAfterItsDependantsMergesTheirIncidentsAndTakesOverTheirSymptoms() {
        TrackedAlarm server = site.incident(SERVER_1000, 0);
        site.symptom(APP_5000, 1, server);
        TrackedAlarm root = site.incident(SWITCH_10, 60);

        assertThat(rule.absorbDependants(root, at(60))).satisfiesExactly(
                merged -> assertThat(merged).isInstanceOfSatisfying(MergeIncident.class, m -> {
                    assertThat(m.alarmId()).isEqualTo(SERVER_1000);
                    assertThat(m.rootAlarmId()).isEqualTo(SWITCH_10);
                    assertThat(m.reason()).contains("arrived 60 s later").contains("merged into the root cause's");
                }),
                moved -> assertThat(moved).isInstanceOfSatisfying(AttachSymptom.class, a -> {
                    assertThat(a.alarmId()).isEqualTo(APP_5000);
                    assertThat(a.rootAlarmId()).isEqualTo(SWITCH_10);
                    assertThat(a.reason()).endsWith("the root cause of nodeDown on ci-1000");
                }));
        assertThat(server.role).isEqualTo(Role.SYMPTOM);
        assertThat(server.rootAlarmId).isEqualTo(SWITCH_10);
        assertThat(server.incidentOpen).isFalse();
        assertThat(site.memory.byAlarmId(APP_5000).rootAlarmId).isEqualTo(SWITCH_10);
    }

    @Test
    void aDependantsIncidentOlderThanTheSymptomWindowStaysItsOwn() {
        long window = Duration.ofMinutes(5).toSeconds();
        TrackedAlarm old = site.incident(SERVER_1000, 0);
        TrackedAlarm recent = site.incident(SERVER_1001, 1);
        TrackedAlarm root = site.incident(SWITCH_10, window + 1);

        assertThat(rule.absorbDependants(root, at(window + 1))).extracting(Decision::alarmId)
                .containsExactly(SERVER_1001);
        assertThat(old.role).isEqualTo(Role.INCIDENT);
        assertThat(old.incidentOpen).isTrue();
        assertThat(recent.role).isEqualTo(Role.SYMPTOM);
    }

    @Test
    void incidentsOnCisThatDoNotDependOnTheRootAreLeftAlone() {
        TrackedAlarm elsewhere = site.incident(SERVER_1020, 0);
        TrackedAlarm root = site.incident(SWITCH_10, 10);

        assertThat(rule.absorbDependants(root, at(10))).isEmpty();
        assertThat(elsewhere.role).isEqualTo(Role.INCIDENT);
    }
}
