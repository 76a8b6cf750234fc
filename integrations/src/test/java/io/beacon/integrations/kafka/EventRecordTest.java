package io.beacon.integrations.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.beacon.event.domain.CiClue;
import io.beacon.event.domain.EventKind;
import io.beacon.event.domain.EventSource;
import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.domain.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventRecordTest {
    @Test
    void anUnattributedEventCrossesWhole() {
        NormalisedEvent trap = NormalisedEvent.unattributed(Instant.parse("2026-12-07T01:02:03.456789Z"), EventSource.SNMP,
                EventKind.PROBLEM, "linkDown", Severity.MAJOR, "linkDown:" + NormalisedEvent.WHERE + ":ifIndex=3", null,
                "10.1.2.3", "링크 다운 on " + NormalisedEvent.WHERE, Map.of("ifIndex", "3", "ifDescr", "ge-0/0/3"),
                List.of(CiClue.ip("agent-addr", "10.1.2.3"), CiClue.host("sysName", "edge-7")))
                .withId("0b9c1f5e-0000-4000-8000-000000000001");

        assertEquals(trap, EventRecord.decode(EventRecord.encode(trap)));
    }

    @Test
    void anAttributedEventWithoutIdCrossesWhole() {
        NormalisedEvent api = new NormalisedEvent(Instant.EPOCH, EventSource.API, EventKind.CLEAR, "disk", Severity.CLEARED,
                "disk:ci7", "2026-12-07T00:00:00Z", 7L, "db-1", null, "hostname", null, Map.of());

        assertEquals(api, EventRecord.decode(EventRecord.encode(api)));
    }

    @Test
    void bytesThatAreNoEventAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> EventRecord.decode(new byte[] {9, 1, 2}));
        assertThrows(IllegalArgumentException.class, () -> EventRecord.decode(new byte[] {1, 0, 0, 0, 100, 'x'}));
    }
}
