package io.beacon.correlation.domain;

import static io.beacon.correlation.domain.Situation.SERVER_1000;
import static io.beacon.correlation.domain.Situation.SERVER_1001;
import static io.beacon.correlation.domain.Situation.SERVER_1020;
import static io.beacon.correlation.domain.Situation.SWITCH_10;
import static io.beacon.correlation.domain.Situation.SWITCH_11;
import static io.beacon.correlation.domain.Situation.at;
import static io.beacon.correlation.domain.Situation.change;
import static io.beacon.correlation.domain.Situation.maintenance;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.correlation.domain.AlarmState.Role;
import io.beacon.correlation.domain.Decision.Suppress;
import org.junit.jupiter.api.Test;

class PlannedWorkRuleTest {
    private final Situation site = new Situation();
    private final PlannedWorkRule rule = new PlannedWorkRule(site.memory);

    @Test
    void anAlarmOnACiUnderAnApprovedChangeIsSuppressedByThatChange() {
        site.plannedWork(change("CHG-7", SWITCH_10, 0, 3600));
        TrackedAlarm sw = site.raised(SWITCH_10, 60);

        assertThat(rule.suppress(sw, at(60), null)).get().isInstanceOfSatisfying(Suppress.class, s -> {
            assertThat(s.alarmId()).isEqualTo(SWITCH_10);
            assertThat(s.suppression().kind()).isEqualTo(Suppression.Kind.CHANGE);
            assertThat(s.suppression().ref()).isEqualTo("CHG-7");
            assertThat(s.reason()).contains("falls inside change CHG-7").doesNotContain("depends on");
        });
        assertThat(sw.role).isEqualTo(Role.SUPPRESSED);
        assertThat(sw.work.ref()).isEqualTo("CHG-7");
    }

    @Test
    void anAlarmBehindACiUnderPlannedWorkIsSuppressedAndTheReasonSaysSo() {
        site.plannedWork(maintenance("MW-3", SWITCH_10, 0, 3600));
        TrackedAlarm server = site.raised(SERVER_1000, 60);

        assertThat(rule.suppress(server, at(60), null)).get().isInstanceOfSatisfying(Suppress.class, s -> {
            assertThat(s.suppression().kind()).isEqualTo(Suppression.Kind.MAINTENANCE);
            assertThat(s.reason()).contains("MW-3").contains("on a CI it depends on");
        });
    }

    @Test
    void aChangeWinsOverAMaintenanceWindowCoveringTheSameAlarm() {
        site.plannedWork(maintenance("MW-3", SERVER_1000, 0, 7200), change("CHG-7", SWITCH_10, 0, 3600));

        assertThat(rule.suppress(site.raised(SERVER_1000, 60), at(60), null)).get()
                .isInstanceOfSatisfying(Suppress.class, s -> assertThat(s.suppression().ref()).isEqualTo("CHG-7"));
    }

    @Test
    void workThatHasEndedOrIsOnlyOnWhatDependsOnTheAlarmsCiDoesNotFire() {
        site.plannedWork(change("CHG-7", SWITCH_10, 0, 3600), change("CHG-8", SERVER_1020, 0, 3600));

        assertThat(rule.suppress(site.raised(SERVER_1001, 3600), at(3600), null)).isEmpty();
        TrackedAlarm sw = site.raised(SWITCH_11, 60);
        assertThat(rule.suppress(sw, at(60), null)).isEmpty();
        assertThat(sw.role).isNull();
    }

    @Test
    void anAlarmOnNoKnownCiIsNeverExplainedByPlannedWork() {
        site.plannedWork(change("CHG-7", SWITCH_10, 0, 3600));
        TrackedAlarm unknown = site.memory.track(new AlarmSignal(77, "trap:unknown", null, "unknown trap"), at(60));

        assertThat(rule.suppress(unknown, at(60), null)).isEmpty();
    }
}
