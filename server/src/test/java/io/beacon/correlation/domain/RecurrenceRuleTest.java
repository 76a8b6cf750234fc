package io.beacon.correlation.domain;

import static io.beacon.correlation.domain.Situation.SERVER_1000;
import static io.beacon.correlation.domain.Situation.SERVER_1001;
import static io.beacon.correlation.domain.Situation.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.correlation.domain.Decision.ReopenIncident;
import org.junit.jupiter.api.Test;

class RecurrenceRuleTest {
    private static final long HOUR = 3600;

    private final Situation site = new Situation();
    private final RecurrenceRule rule = new RecurrenceRule(site.memory, site.rules);

    @Test
    void aProblemReturningWithinTheRecurrenceWindowReopensItsIncident() {
        site.memory.resolved("nodeDown:1000", at(0));
        TrackedAlarm back = site.raised(SERVER_1000, 600);

        assertThat(rule.reopen(back, at(600), null)).get().isInstanceOfSatisfying(ReopenIncident.class, r -> {
            assertThat(r.alarmId()).isEqualTo(SERVER_1000);
            assertThat(r.reason()).isEqualTo("nodeDown on ci-1000 returned 10 min after its incident was resolved");
        });
        assertThat(rule.reopen(back, at(HOUR), null)).isPresent();
    }

    @Test
    void aProblemReturningLaterOrNeverResolvedDoesNotFire() {
        site.memory.resolved("nodeDown:1000", at(0));

        assertThat(rule.reopen(site.raised(SERVER_1000, HOUR + 1), at(HOUR + 1), null)).isEmpty();
        assertThat(rule.reopen(site.raised(SERVER_1001, 600), at(600), null)).isEmpty();
    }
}
