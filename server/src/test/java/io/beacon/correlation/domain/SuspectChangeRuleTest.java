package io.beacon.correlation.domain;

import static io.beacon.correlation.domain.Situation.SERVER_1000;
import static io.beacon.correlation.domain.Situation.SERVER_1020;
import static io.beacon.correlation.domain.Situation.SWITCH_10;
import static io.beacon.correlation.domain.Situation.at;
import static io.beacon.correlation.domain.Situation.change;
import static io.beacon.correlation.domain.Situation.maintenance;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SuspectChangeRuleTest {
    private static final long HOUR = 3600;

    private final Situation site = new Situation();
    private final SuspectChangeRule rule = new SuspectChangeRule(site.memory, site.rules);

    @Test
    void aChangeUpstreamThatEndedShortlyBeforeIsSuspectTheLatestFirst() {
        site.plannedWork(change("CHG-8", SWITCH_10, 0, HOUR), change("CHG-9", SWITCH_10, 0, 2 * HOUR));

        assertThat(rule.suspectFor(site.raised(SERVER_1000, 3 * HOUR), at(3 * HOUR))).isEqualTo("CHG-9");
    }

    @Test
    void noSuspectElsewhereTooLongAgoStillRunningOrAfterAMaintenanceWindow() {
        site.plannedWork(change("CHG-9", SWITCH_10, 0, HOUR), maintenance("MW-3", SERVER_1020, 0, HOUR));

        assertThat(rule.suspectFor(site.raised(SERVER_1020, 2 * HOUR), at(2 * HOUR))).isNull();
        TrackedAlarm server = site.raised(SERVER_1000, 0);
        assertThat(rule.suspectFor(server, at(HOUR / 2))).isNull();
        assertThat(rule.suspectFor(server, at(HOUR + 4 * HOUR + 1))).isNull();
        assertThat(rule.suspectFor(server, at(HOUR + 4 * HOUR))).isEqualTo("CHG-9");
    }
}
