package io.beacon.correlation.domain;

import static io.beacon.correlation.domain.Situation.CORE;
import static io.beacon.correlation.domain.Situation.SERVER_1000;
import static io.beacon.correlation.domain.Situation.SERVER_1001;
import static io.beacon.correlation.domain.Situation.SWITCH_10;
import static io.beacon.correlation.domain.Situation.at;
import static io.beacon.correlation.domain.Situation.change;
import static io.beacon.correlation.domain.Situation.maintenance;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.correlation.domain.PlannedWorkEndedRule.Outlived;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannedWorkEndedRuleTest {
    private final Situation site = new Situation();
    private final PlannedWorkEndedRule rule = new PlannedWorkEndedRule(site.memory);

    @Test
    void nothingIsReleasedWhileTheWorkIsUnderWay() {
        PlannedWork chg = change("CHG-7", SWITCH_10, 0, 3600);
        TrackedAlarm sw = site.suppressed(SWITCH_10, 60, chg);

        assertThat(rule.release(at(3599))).isEmpty();
        assertThat(sw.work).isEqualTo(chg);
    }

    @Test
    void alarmsStillActiveWhenAChangeEndedAreReleasedUpstreamFirstNamingTheChangeThatMayHaveFailed() {
        PlannedWork chg = change("CHG-7", SWITCH_10, 0, 3600);
        TrackedAlarm server = site.suppressed(SERVER_1000, 50, chg); // reported before its switch
        TrackedAlarm sw = site.suppressed(SWITCH_10, 60, chg);

        List<Outlived> released = rule.release(at(3600));

        assertThat(released).extracting(o -> o.alarm().alarmId).containsExactly(SWITCH_10, SERVER_1000);
        assertThat(released).allSatisfy(o -> {
            assertThat(o.failedChange()).isEqualTo("CHG-7");
            assertThat(o.because().text()).startsWith("still active when change CHG-7 ended at " + at(3600));
            assertThat(o.because().args()).containsEntry("workKind", "change").containsEntry("endAt", at(3600).toString());
        });
        assertThat(List.of(server, sw)).allSatisfy(t -> {
            assertThat(t.role).isNull();
            assertThat(t.work).isNull();
        });
        assertThat(rule.release(at(3601))).isEmpty();
    }

    @Test
    void aMaintenanceWindowThatEndedNamesNoFailedChange() {
        site.suppressed(CORE, 60, maintenance("MW-3", CORE, 0, 1800));

        assertThat(rule.release(at(1800))).singleElement()
                .satisfies(o -> assertThat(o.failedChange()).isNull());
    }

    @Test
    void alarmsThatClearedOrAreNotSuppressedAreNotReleased() {
        PlannedWork chg = change("CHG-7", SWITCH_10, 0, 3600);
        TrackedAlarm cleared = site.suppressed(SERVER_1001, 60, chg);
        site.memory.deactivate(cleared, at(600));
        site.incident(CORE, 60);

        assertThat(rule.release(at(3600))).isEmpty();
    }
}
