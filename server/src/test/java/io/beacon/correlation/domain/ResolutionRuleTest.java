package io.beacon.correlation.domain;

import static io.beacon.correlation.domain.Situation.SERVER_1000;
import static io.beacon.correlation.domain.Situation.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.correlation.domain.Decision.ResolveIncident;
import org.junit.jupiter.api.Test;

class ResolutionRuleTest {
    private final Situation site = new Situation();
    private final ResolutionRule rule = new ResolutionRule(site.memory);

    @Test
    void aClearedAlarmResolvesItsOpenIncidentAndIsForgottenButItsResolutionRemembered() {
        TrackedAlarm server = site.incident(SERVER_1000, 0);
        site.memory.deactivate(server, at(60));

        assertThat(rule.cleared(server, at(60))).get().isInstanceOfSatisfying(ResolveIncident.class, r -> {
            assertThat(r.reason()).isEqualTo("nodeDown on ci-1000 cleared");
            assertThat(r.why().key()).isEqualTo("sys.reason.cleared");
        });
        assertThat(site.memory.byKey("nodeDown:1000")).isNull();
        assertThat(site.memory.resolvedAt("nodeDown:1000")).contains(at(60));
    }

    @Test
    void anIncidentAlreadyResolvedByHandIsNotResolvedAgain() {
        TrackedAlarm server = site.incident(SERVER_1000, 0);
        rule.resolvedByHand("nodeDown:1000", at(30));
        assertThat(server.incidentOpen).isFalse();
        assertThat(site.memory.byKey("nodeDown:1000")).isSameAs(server);
        assertThat(site.memory.resolvedAt("nodeDown:1000")).contains(at(30));

        site.memory.deactivate(server, at(60));
        assertThat(rule.cleared(server, at(60))).isEmpty();
        assertThat(site.memory.byKey("nodeDown:1000")).isNull();
        assertThat(site.memory.resolvedAt("nodeDown:1000")).contains(at(30));
    }

    @Test
    void resolvingByHandTheIncidentOfAClearedAlarmForgetsIt() {
        TrackedAlarm server = site.incident(SERVER_1000, 0);
        site.memory.deactivate(server, at(60)); // a flap kept its incident open

        rule.resolvedByHand("nodeDown:1000", at(90));

        assertThat(site.memory.byKey("nodeDown:1000")).isNull();
        assertThat(site.memory.resolvedAt("nodeDown:1000")).contains(at(90));
    }
}
