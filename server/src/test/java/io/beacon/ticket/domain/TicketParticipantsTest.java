package io.beacon.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beacon.identity.domain.User;
import io.beacon.platform.domain.ConflictException;
import io.beacon.platform.domain.InvalidInputException;
import io.beacon.platform.domain.NotFoundException;
import io.beacon.platform.domain.Role;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The e-mail addresses the desk adds to a ticket, whose mail then counts like the requester's. */
class TicketParticipantsTest {
    private static final Instant T0 = Instant.parse("2026-12-06T01:00:00Z");

    private final Ticket ticket = new Ticket(TicketType.SERVICE_REQUEST, 3, "VPN", null, null, null,
            new User("park", "Park", "park@corp.kr", Set.of(Role.REQUESTER), "ko", "Asia/Seoul", T0), "park", FixedPriorities.MATRIX, T0);

    @Test
    void addedAddressesAreNormalisedSortedAuditedAndRemovable() {
        ticket.addParticipant(" Lee@Corp.KR ", T0);
        ticket.addParticipant("choi@corp.kr", T0);
        assertThat(ticket.getParticipants()).containsExactly("choi@corp.kr", "lee@corp.kr");
        assertThat(ticket.hasParticipant("LEE@corp.kr")).isTrue();
        assertThat(ticket.hasParticipant("kim@corp.kr")).isFalse();
        ticket.removeParticipant("lee@corp.kr", T0);
        assertThat(ticket.getParticipants()).containsExactly("choi@corp.kr");
        assertThat(ticket.drainChanges()).containsExactly(new FieldChange("participant", null, "lee@corp.kr"),
                new FieldChange("participant", null, "choi@corp.kr"), new FieldChange("participant", "lee@corp.kr", null));
    }

    @Test
    void badAddressesTheRequesterTwiceTheSameAndUnknownOnesAreRefused() {
        assertThatThrownBy(() -> ticket.addParticipant("not an address", T0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ticket.addParticipant("", T0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ticket.addParticipant("PARK@corp.kr", T0)).isInstanceOf(InvalidInputException.class);
        ticket.addParticipant("lee@corp.kr", T0);
        assertThatThrownBy(() -> ticket.addParticipant("lee@corp.kr", T0)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ticket.removeParticipant("kim@corp.kr", T0)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aTicketHasAtMostFiftyParticipants() {
        for (int i = 0; i < Ticket.PARTICIPANTS_MAX; i++) {
            ticket.addParticipant("p" + i + "@corp.kr", T0);
        }
        assertThatThrownBy(() -> ticket.addParticipant("one.more@corp.kr", T0)).isInstanceOf(InvalidInputException.class);
    }
}
