package io.beacon.workflows.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.beacon.ticket.application.TicketActivity;
import io.beacon.ticket.domain.FieldChange;
import io.beacon.ticket.domain.TicketComment;
import io.beacon.workflows.engine.ProcessEngineRuntime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which new tickets start their lifecycle inside the transaction that opened them, and which just after it. */
class TicketProcessBridgeTest {
    /** Thrown where the bridge would start the process in the caller's transaction. */
    static final class StartedNow extends RuntimeException {
    }

    final List<Long> startedLate = new ArrayList<>();
    final TicketProcessBridge bridge = new TicketProcessBridge();

    @BeforeEach
    void wire() {
        bridge.runtime = new ProcessEngineRuntime() {
            @Override
            public boolean isStarted() {
                return true;
            }

            @Override
            public ProcessEngine engine() {
                throw new StartedNow();
            }
        };
        bridge.lateStarts = new LateProcessStarts() {
            @Override
            public void afterCommit(long ticketId) {
                startedLate.add(ticketId);
            }
        };
    }

    @Test
    void aTicketFromTheMailboxStartsItsProcessJustAfterItsCommit() {
        bridge.onActivity(created(7, "kim@corp.kr", TicketComment.Channel.MAIL));
        assertThat(startedLate).containsExactly(7L);
    }

    @Test
    void anIncidentFromAnAlarmStartsItsProcessJustAfterItsCommit() {
        bridge.onActivity(created(8, "system", TicketComment.Channel.SYSTEM));
        assertThat(startedLate).containsExactly(8L);
    }

    @Test
    void aTicketOpenedOverTheApiOrConsoleStartsItsProcessInItsOwnTransaction() {
        assertThrows(StartedNow.class, () -> bridge.onActivity(created(9, "agent", TicketComment.Channel.API)));
        assertThrows(StartedNow.class, () -> bridge.onActivity(created(10, "agent", TicketComment.Channel.WEB)));
        assertThat(startedLate).isEmpty();
    }

    private static TicketActivity created(long id, String actor, TicketComment.Channel channel) {
        return new TicketActivity(TicketActivity.Kind.CREATED, id, "REQ-" + id, "service_request", "new", "P3", actor,
                Instant.parse("2026-12-07T10:00:00Z"), List.of(new FieldChange("created", null, "REQ-" + id)), null,
                false, channel);
    }
}
