package io.beacon.workflows.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.sla.application.SlaService;
import io.beacon.sla.domain.TicketSlas;
import io.beacon.workflows.engine.ProcessEngineRuntime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tickets whose late process start was lost get it on a running node, once they are old enough not to be in flight. */
class ProcessAdoptionTest {
    static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    final ProcessAdoption adoption = new ProcessAdoption();
    final List<List<Long>> transactions = new ArrayList<>();
    Instant askedBefore;
    List<TicketSlas.Unwatched> unwatched = List.of();
    boolean engineStarted = true;

    @BeforeEach
    void wire() {
        adoption.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        adoption.sla = new SlaService() {
            @Override
            public List<TicketSlas.Unwatched> unwatched(int max, Instant createdBefore) {
                askedBefore = createdBefore;
                return unwatched.stream().limit(max).toList();
            }
        };
        adoption.catchUp = new TicketProcessCatchUp() {
            @Override
            public int startAll(List<Long> ticketIds) {
                transactions.add(List.copyOf(ticketIds));
                return ticketIds.size() - (ticketIds.contains(3L) ? 1 : 0); // 3 got its process meanwhile
            }
        };
        adoption.runtime = new ProcessEngineRuntime() {
            @Override
            public boolean isStarted() {
                return engineStarted;
            }

            @Override
            public ProcessEngine engine() {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void onlyTicketsOpenedLongerAgoThanAnyStartInFlightAreAdopted() {
        unwatched = List.of(new TicketSlas.Unwatched(1, "INC-1", "new"));
        assertThat(adoption.adopt()).isEqualTo(1);
        assertThat(askedBefore).isEqualTo(NOW.minus(ProcessAdoption.GRACE));
        assertThat(transactions).containsExactly(List.of(1L));
    }

    @Test
    void manyAreAdoptedAChunkPerTransactionAndOnesStartedMeanwhileAreNotCounted() {
        unwatched = LongStream.rangeClosed(1, 120).mapToObj(id -> new TicketSlas.Unwatched(id, "INC-" + id, "assigned")).toList();
        assertThat(adoption.adopt()).isEqualTo(119);
        assertThat(transactions).extracting(List::size).containsExactly(50, 50, 20);
    }

    @Test
    void nothingHappensWhileTheEngineIsNotRunning() {
        engineStarted = false;
        unwatched = List.of(new TicketSlas.Unwatched(1, "INC-1", "new"));
        assertThat(adoption.adopt()).isZero();
        assertThat(transactions).isEmpty();
    }
}
