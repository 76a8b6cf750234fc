package io.beacon.correlation.domain;

import static io.beacon.correlation.domain.Situation.SERVER_1000;
import static io.beacon.correlation.domain.Situation.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.correlation.domain.AlarmState.Role;
import io.beacon.correlation.domain.Decision.MarkFlapping;
import io.beacon.correlation.domain.Decision.ResolveIncident;
import org.junit.jupiter.api.Test;

/** With the default rules: more than 3 raises within 30 min flap; 15 min quiet resolves. */
class FlappingRuleTest {
    private static final String KEY = "nodeDown:1000";
    private static final long QUIET = 15 * 60;

    private final Situation site = new Situation();
    private final FlappingRule rule = new FlappingRule(site.memory, site.rules);

    @Test
    void theFourthRaiseWithinTheWindowFlapsAndRaisesSpreadWiderDoNot() {
        assertThat(rule.raised(KEY, at(0))).isFalse();
        assertThat(rule.raised(KEY, at(600))).isFalse();
        assertThat(rule.raised(KEY, at(1200))).isFalse();
        assertThat(rule.raised(KEY, at(1800))).isTrue();

        assertThat(rule.raised("other", at(0))).isFalse();
        assertThat(rule.raised("other", at(1000))).isFalse();
        assertThat(rule.raised("other", at(2000))).isFalse();
        assertThat(rule.raised("other", at(3000))).isFalse(); // the first raise is older than 30 min
    }

    @Test
    void aFlappingIncidentIsMarkedButNotASymptomOrSuppressedAlarm() {
        TrackedAlarm server = site.incident(SERVER_1000, 0);

        assertThat(rule.markIfFlapping(server, false)).isEmpty();
        assertThat(rule.markIfFlapping(server, true)).get().isInstanceOfSatisfying(MarkFlapping.class, m -> {
            assertThat(m.alarmId()).isEqualTo(SERVER_1000);
            assertThat(m.reason()).contains("is flapping (raised more than 3 times within 30 min)")
                    .contains("quiet for 15 min");
        });
        assertThat(server.flapping).isTrue();

        server.role = Role.SYMPTOM;
        server.flapping = false;
        assertThat(rule.markIfFlapping(server, true)).isEmpty();
    }

    @Test
    void aClearOfAFlappingAlarmKeepsItsIncidentOpenAndItsReturnContinuesItMarkedOnce() {
        TrackedAlarm server = site.incident(SERVER_1000, 0);
        for (long t = 0; t < 4 * 60; t += 60) {
            rule.raised(KEY, at(t));
        }
        site.memory.deactivate(server, at(240));
        assertThat(rule.keepsOpen(server, at(240))).isTrue();
        assertThat(server.flapping).isTrue();

        assertThat(rule.returned(server, 2000)).isEmpty(); // already marked
        assertThat(server.active).isTrue();
        assertThat(site.memory.byAlarmId(2000L)).isSameAs(server);
        assertThat(site.memory.byAlarmId(SERVER_1000)).isNull();
        assertThat(site.memory.activeOn(SERVER_1000)).containsExactly(server);
    }

    @Test
    void aReturnKeptOpenByAFlapNotYetMarkedMarksIt() {
        TrackedAlarm server = site.incident(SERVER_1000, 0);
        site.memory.deactivate(server, at(60));

        assertThat(rule.returned(server, 2000)).get().isInstanceOf(MarkFlapping.class);
        assertThat(rule.returned(server, 2001)).isEmpty();
    }

    @Test
    void aClearOfAnAlarmThatDoesNotFlapOrHasNoOpenIncidentResolvesAsUsual() {
        TrackedAlarm server = site.incident(SERVER_1000, 0);
        rule.raised(KEY, at(0));
        site.memory.deactivate(server, at(60));
        assertThat(rule.keepsOpen(server, at(60))).isFalse();

        server.flapping = true;
        server.incidentOpen = false;
        assertThat(rule.keepsOpen(server, at(60))).isFalse();
    }

    @Test
    void aFlappingAlarmQuietForLongEnoughHasItsIncidentResolved() {
        TrackedAlarm server = site.incident(SERVER_1000, 0);
        server.flapping = true;
        site.memory.deactivate(server, at(60));
        site.incident(Situation.SERVER_1001, 0).flapping = true; // active: not quiet

        assertThat(rule.quietened(at(60 + QUIET - 1))).isEmpty();
        assertThat(rule.quietened(at(60 + QUIET))).singleElement().isInstanceOfSatisfying(ResolveIncident.class, r -> {
            assertThat(r.alarmId()).isEqualTo(SERVER_1000);
            assertThat(r.reason()).isEqualTo("nodeDown on ci-1000 has been quiet for 15 min after flapping");
        });
        assertThat(site.memory.byKey(KEY)).isNull();
        assertThat(site.memory.resolvedAt(KEY)).contains(at(60 + QUIET));
    }
}
