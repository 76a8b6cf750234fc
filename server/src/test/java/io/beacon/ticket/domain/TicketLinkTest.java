package io.beacon.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beacon.platform.domain.ConflictException;
import io.beacon.platform.domain.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Links read from both ends, and a duplicate merged into its survivor. */
class TicketLinkTest {
    private static final Instant T0 = Instant.parse("2026-12-06T01:00:00Z");

    @Test
    void eachEndReadsTheLinkItsOwnWay() {
        TicketLink link = new TicketLink(2, 1, LinkKind.DUPLICATE_OF, "agent", T0);
        assertThat(link.kindSeenFrom(2)).isEqualTo("duplicate_of");
        assertThat(link.kindSeenFrom(1)).isEqualTo("duplicated_by");
        assertThat(link.otherThan(2)).isEqualTo(1);
        assertThat(link.otherThan(1)).isEqualTo(2);
        assertThat(new TicketLink(5, 6, LinkKind.CAUSED_BY, "agent", T0).kindSeenFrom(6)).isEqualTo("causes");
        assertThat(new TicketLink(5, 6, LinkKind.RELATED_TO, "agent", T0).kindSeenFrom(6)).isEqualTo("related_to");
    }

    @Test
    void unknownKindsAreRefusedWithTheKnownOnes() {
        assertThat(LinkKind.fromCode("kind", " Caused_By ")).isEqualTo(LinkKind.CAUSED_BY);
        assertThatThrownBy(() -> LinkKind.fromCode("kind", "blocks")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("related_to, duplicate_of, caused_by");
    }

    @Test
    void aMergedDuplicateEndsClosedWithItsSurvivorInItsHistoryAndCannotBeMergedAgain() {
        Ticket survivor = ticket(1);
        Ticket duplicate = ticket(2);
        duplicate.mergeInto(survivor, T0);
        assertThat(duplicate.getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(duplicate.getClosedAt()).isEqualTo(T0);
        assertThat(duplicate.drainChanges()).containsExactly(new FieldChange("mergedInto", null, "INC-1"),
                new FieldChange("status", "new", "closed"));
        assertThatThrownBy(() -> duplicate.mergeInto(survivor, T0)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aTicketIsNotMergedIntoItselfNorIntoAClosedOne() {
        Ticket one = ticket(1);
        assertThatThrownBy(() -> one.mergeInto(one, T0)).isInstanceOf(InvalidInputException.class);
        Ticket closed = ticket(3);
        closed.mergeInto(ticket(4), T0);
        assertThatThrownBy(() -> ticket(5).mergeInto(closed, T0)).isInstanceOf(ConflictException.class);
    }

    private static Ticket ticket(long number) {
        Ticket t = new Ticket(TicketType.INCIDENT, number, "Mail down", null, Level.HIGH, Level.HIGH, null, "agent",
                FixedPriorities.MATRIX, T0);
        t.drainChanges();
        return t;
    }
}
