package io.beacon.mail.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.mail.domain.Threading.Action;
import io.beacon.mail.domain.Threading.Decision;
import io.beacon.mail.domain.Threading.Downgrade;
import io.beacon.mail.domain.Threading.Sender;
import org.junit.jupiter.api.Test;

/** A mail cannot speak for the desk: what each sender's mail may do to a ticket. */
class ThreadingTest {

    @Test
    void aMailFromADeskAddressOnSomeoneElsesTicketIsANoteWhateverItsStatus() {
        for (String status : new String[] {"new", "assigned", "in_progress", "pending", "resolved"}) {
            assertThat(Threading.decide(status, Sender.DESK_ADDRESS, true))
                    .isEqualTo(new Decision(Action.NOTE, Downgrade.DESK_ADDRESS));
        }
    }

    @Test
    void aStrangersMailIsANoteAndNeverReopens() {
        assertThat(Threading.decide("in_progress", Sender.OTHER, true))
                .isEqualTo(new Decision(Action.NOTE, Downgrade.NOT_A_PARTY));
        assertThat(Threading.decide("resolved", Sender.OTHER, true))
                .isEqualTo(new Decision(Action.NOTE, Downgrade.NOT_A_PARTY));
    }

    @Test
    void aParticipantSpeaksPubliclyButOnlyTheRequesterReopens() {
        assertThat(Threading.decide("in_progress", Sender.PARTICIPANT, true))
                .isEqualTo(new Decision(Action.COMMENT, null));
        assertThat(Threading.decide("resolved", Sender.PARTICIPANT, true))
                .isEqualTo(new Decision(Action.NOTE, Downgrade.REOPEN_NOT_REQUESTER));
        assertThat(Threading.decide("resolved", Sender.REQUESTER, true)).isEqualTo(new Decision(Action.REOPEN, null));
    }

    @Test
    void anUnverifiedMailFromTheRequestersAddressIsANoteAndDoesNotReopen() {
        assertThat(Threading.decide("in_progress", Sender.REQUESTER, false))
                .isEqualTo(new Decision(Action.NOTE, Downgrade.UNVERIFIED));
        assertThat(Threading.decide("resolved", Sender.REQUESTER, false))
                .isEqualTo(new Decision(Action.NOTE, Downgrade.UNVERIFIED));
        assertThat(Threading.decide("in_progress", Sender.PARTICIPANT, false))
                .isEqualTo(new Decision(Action.NOTE, Downgrade.UNVERIFIED));
    }

    @Test
    void aNewOrFollowUpMailOpensATicketOfTheSendersOwnWhoeverItIs() {
        assertThat(Threading.decide(null, Sender.OTHER, false)).isEqualTo(new Decision(Action.OPEN, null));
        assertThat(Threading.decide("closed", Sender.DESK_ADDRESS, true)).isEqualTo(new Decision(Action.FOLLOW_UP, null));
        assertThat(Threading.decide("closed", Sender.OTHER, false)).isEqualTo(new Decision(Action.FOLLOW_UP, null));
    }

    @Test
    void downgradesAreCountedUnderSnakeCaseCodes() {
        assertThat(Downgrade.REOPEN_NOT_REQUESTER.code()).isEqualTo("reopen_not_requester");
        assertThat(Downgrade.DESK_ADDRESS.code()).isEqualTo("desk_address");
    }
}
