package io.beacon.correlation.domain;

import static io.beacon.correlation.domain.Situation.CORE;
import static io.beacon.correlation.domain.Situation.SERVER_1000;
import static io.beacon.correlation.domain.Situation.SERVER_1020;
import static io.beacon.correlation.domain.Situation.SWITCH_10;
import static io.beacon.correlation.domain.Situation.SWITCH_11;
import static io.beacon.correlation.domain.Situation.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.correlation.domain.Decision.AttachSymptom;
import io.beacon.correlation.domain.Decision.OpenIncident;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An alarm moved onto another CI (e.g. a CI later claimed the address it came from). */
class CorrelatorReattributionTest {
    private final Correlator correlator = new Correlator(CorrelationRules.defaults());

    CorrelatorReattributionTest() {
        correlator.useTopology(new Situation().memory.upstream);
    }

    private List<Decision> down(long alarmId, Long ci, long seconds) {
        return correlator.problem(new AlarmSignal(alarmId, "nodeDown:" + alarmId, ci, "alarm " + alarmId), at(seconds));
    }

    @Test
    void anAlarmThatArrivedOnNoCiIsTheRootCauseOfLaterAlarmsBehindTheCiItMovedTo() {
        assertThat(down(77, null, 0)).singleElement().isInstanceOf(OpenIncident.class);

        correlator.reattributed(77, CORE);

        assertThat(down(SERVER_1000, SERVER_1000, 10)).singleElement()
                .isInstanceOfSatisfying(AttachSymptom.class, a -> assertThat(a.rootAlarmId()).isEqualTo(77));
        assertThat(correlator.state("nodeDown:77").orElseThrow().ciId()).isEqualTo(CORE);
    }

    @Test
    void anAlarmMovedOffACiNoLongerExplainsWhatIsBehindIt() {
        down(SWITCH_11, SWITCH_11, 0);

        correlator.reattributed(SWITCH_11, SWITCH_10);

        assertThat(down(SERVER_1020, SERVER_1020, 10)).singleElement().isInstanceOf(OpenIncident.class);
        assertThat(down(SERVER_1000, SERVER_1000, 10)).singleElement()
                .isInstanceOfSatisfying(AttachSymptom.class, a -> assertThat(a.rootAlarmId()).isEqualTo(SWITCH_11));
    }

    @Test
    void reattributingAnAlarmCorrelationDoesNotTrackChangesNothing() {
        down(SWITCH_10, SWITCH_10, 0);

        correlator.reattributed(999, CORE);

        assertThat(correlator.states()).singleElement().satisfies(s -> assertThat(s.ciId()).isEqualTo(SWITCH_10));
        assertThat(down(SERVER_1000, SERVER_1000, 10)).singleElement()
                .isInstanceOfSatisfying(AttachSymptom.class, a -> assertThat(a.rootAlarmId()).isEqualTo(SWITCH_10));
    }
}
