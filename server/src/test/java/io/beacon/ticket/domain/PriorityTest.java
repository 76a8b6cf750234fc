package io.beacon.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beacon.platform.domain.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Priority and level codes; the impact × urgency matrix is the ticketPriority table's (workflows, DecisionTablesTest). */
class PriorityTest {

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
