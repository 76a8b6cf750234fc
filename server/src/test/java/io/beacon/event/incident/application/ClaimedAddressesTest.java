package io.beacon.event.incident.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beacon.cmdb.application.AddressesClaimed;
import io.beacon.correlation.application.CorrelationEngine;
import io.beacon.event.alarm.application.AlarmWriter;
import io.beacon.event.alarm.application.AlarmWriterBusyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Claims wait for the writer together: an import's claims are one command and one call, not one each. */
class ClaimedAddressesTest {
    private final List<Runnable> commands = new ArrayList<>();
    private final List<List<Long>> calls = new ArrayList<>();
    private final List<Long> reattributed = new ArrayList<>();
    private boolean busy;
    private final ClaimedAddresses claims = new ClaimedAddresses();

    ClaimedAddressesTest() {
        claims.writer = new AlarmWriter() {
            @Override
            public <T> T call(Supplier<T> command) {
                return command.get();
            }

            @Override
            public void submit(Runnable command) {
                if (busy) {
                    throw new AlarmWriterBusyException("too many changes to alarms are waiting");
                }
                commands.add(command);
            }
        };
        claims.actions = new IncidentActions() {
            @Override
            public List<Moved> moveOntoCis(List<AddressesClaimed> claimed) {
                calls.add(claimed.stream().map(AddressesClaimed::ciId).toList());
                return claimed.stream().map(c -> new Moved(100 + c.ciId(), "key" + c.ciId(), c.ciId(), "label")).toList();
            }
        };
        claims.correlation = new CorrelationEngine() {
            @Override
            public synchronized void reattribute(long alarmId, String reductionKey, long ciId, String label) {
                reattributed.add(alarmId);
            }
        };
    }

    @Test
    void claimsWaitingTogetherAreOneCommandAndOneCall() {
        for (long ci = 1; ci <= 200; ci++) {
            claims.onClaim(claim(ci));
        }
        assertThat(commands).hasSize(1);

        runCommands();

        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).hasSize(200).startsWith(1L, 2L).endsWith(200L);
        assertThat(reattributed).hasSize(200);
    }

    @Test
    void aClaimAfterTheCommandRanQueuesTheNext() {
        claims.onClaim(claim(1));
        runCommands();
        claims.onClaim(claim(2));

        assertThat(commands).hasSize(1);
        runCommands();
        assertThat(calls).containsExactly(List.of(1L), List.of(2L));
    }

    @Test
    void aClaimWithoutAddressesQueuesNothing() {
        claims.onClaim(new AddressesClaimed(7, "empty", Set.of(), null));
        assertThat(commands).isEmpty();
    }

    @Test
    void aBusyWriterRefusesTheClaimAndTheNextClaimTakesItAlong() {
        busy = true;
        assertThatThrownBy(() -> claims.onClaim(claim(1))).isInstanceOf(AlarmWriterBusyException.class);
        busy = false;
        claims.onClaim(claim(2));

        runCommands();
        assertThat(calls).containsExactly(List.of(1L, 2L));
    }

    private void runCommands() {
        List<Runnable> now = new ArrayList<>(commands);
        commands.clear();
        now.forEach(Runnable::run);
    }

    private static AddressesClaimed claim(long ci) {
        return new AddressesClaimed(ci, "ci-" + ci, Set.of("192.0.2." + ci), Set.of());
    }
}
