package io.beacon.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beacon.platform.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

class TicketSortTest {
    @Test
    void parsesFieldAndDirection() {
        assertThat(TicketSort.parse(null)).isEqualTo(TicketSort.NEWEST_FIRST);
        assertThat(TicketSort.parse("-priority")).isEqualTo(new TicketSort(TicketSort.Field.PRIORITY, true));
        assertThat(TicketSort.parse("updatedAt")).isEqualTo(new TicketSort(TicketSort.Field.UPDATED_AT, false));
        assertThat(TicketSort.parse("due")).isEqualTo(new TicketSort(TicketSort.Field.DUE, false));
        assertThat(TicketSort.parse("-due")).isEqualTo(new TicketSort(TicketSort.Field.DUE, true));
    }

    @Test
    void unknownFieldsAreRefused() {
        assertThatThrownBy(() -> TicketSort.parse("password")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sort");
    }
}
