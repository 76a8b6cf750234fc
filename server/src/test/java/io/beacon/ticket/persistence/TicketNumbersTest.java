package io.beacon.ticket.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.ticket.domain.TicketType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TicketNumbersTest {
    /** The counter row, as the database holds it; another node may reserve from it too. */
    static final class Counter extends TicketNumberBlocks {
        long last;
        int reservations;
        final List<long[]> givenBack = new ArrayList<>();

        @Override
        public long reserve(TicketType type, int count) {
            reservations++;
            last += count;
            return last - count + 1;
        }

        @Override
        public boolean giveBack(TicketType type, long next, long lastOfBlock) {
            if (last != lastOfBlock) {
                return false;
            }
            givenBack.add(new long[] {next, lastOfBlock});
            last = next - 1;
            return true;
        }
    }

    private static TicketNumbers numbers(Counter counter) {
        TicketNumbers n = new TicketNumbers();
        n.counter = counter;
        return n;
    }

    @Test
    void oneNodeHandsOutConsecutiveNumbersWithOneReservationPerBlock() {
        Counter counter = new Counter();
        TicketNumbers numbers = numbers(counter);
        List<Long> given = new ArrayList<>();
        for (int i = 0; i < 3 * TicketNumbers.BLOCK; i++) {
            given.add(numbers.next(TicketType.INCIDENT, 1));
        }
        assertThat(given.get(0)).isEqualTo(1);
        for (int i = 1; i < given.size(); i++) {
            assertThat(given.get(i)).isEqualTo(given.get(i - 1) + 1);
        }
        assertThat(counter.reservations).isEqualTo(3);
    }

    @Test
    void aStormsCallGetsItsNumbersConsecutiveAcrossTheEndOfABlock() {
        Counter counter = new Counter();
        TicketNumbers numbers = numbers(counter);
        numbers.next(TicketType.INCIDENT, TicketNumbers.BLOCK - 3); // 3 left
        long first = numbers.next(TicketType.INCIDENT, 100);
        assertThat(first).isEqualTo(TicketNumbers.BLOCK - 2);
        assertThat(numbers.next(TicketType.INCIDENT, 1)).isEqualTo(first + 100);
    }

    @Test
    void anotherNodeReservingInBetweenLeavesAGapButNeverANumberTwice() {
        Counter counter = new Counter();
        TicketNumbers one = numbers(counter);
        TicketNumbers two = numbers(counter);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 5 * TicketNumbers.BLOCK; i++) {
            long a = one.next(TicketType.INCIDENT, 3);
            long b = two.next(TicketType.INCIDENT, 2);
            for (long n = a; n < a + 3; n++) {
                assertThat(seen.add(n)).as("number %d given once", n).isTrue();
            }
            for (long n = b; n < b + 2; n++) {
                assertThat(seen.add(n)).as("number %d given once", n).isTrue();
            }
        }
    }

    @Test
    void aCleanStopGivesTheUnusedEndBackSoTheNextStartContinuesWithoutAGap() {
        Counter counter = new Counter();
        TicketNumbers numbers = numbers(counter);
        numbers.next(TicketType.INCIDENT, 1);
        numbers.next(TicketType.INCIDENT, 1);
        numbers.giveBack();
        assertThat(counter.givenBack).hasSize(1);
        assertThat(numbers(counter).next(TicketType.INCIDENT, 1)).isEqualTo(3);
    }
}
