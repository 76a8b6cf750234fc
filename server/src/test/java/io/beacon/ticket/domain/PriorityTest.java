package io.beacon.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beacon.platform.domain.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriorityTest {

    @ParameterizedTest(name = "impact {0} x urgency {1} = {2}")
    @CsvSource({
            "high, high, P1", "high, medium, P2", "high, low, P3",
            "medium, high, P2", "medium, medium, P3", "medium, low, P4",
            "low, high, P3", "low, medium, P4", "low, low, P4"})
    void priorityFollowsTheImpactUrgencyMatrix(String impact, String urgency, Priority expected) {
        assertThat(Priority.of(Level.fromCode("impact", impact), Level.fromCode("urgency", urgency))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1, HIGH", "2, MEDIUM", "3, LOW", "High, HIGH", " low , LOW"})
    void levelsAcceptNamesAndItilNumbers(String code, Level expected) {
        assertThat(Level.fromCode("impact", code)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"P5", "critical", "0"})
    void unknownPrioritiesAreRefusedNamingTheField(String code) {
        assertThatThrownBy(() -> Priority.fromCode("priority", code))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("priority"));
    }
}
