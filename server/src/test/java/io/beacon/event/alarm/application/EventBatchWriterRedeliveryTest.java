package io.beacon.event.alarm.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.beacon.event.alarm.domain.Alarm;
import io.beacon.event.alarm.domain.AlarmFilter;
import io.beacon.event.alarm.domain.Alarms;
import io.beacon.event.alarm.domain.MonitoringEvent;
import io.beacon.event.alarm.domain.MonitoringEvents;
import io.beacon.event.domain.EventKind;
import io.beacon.event.domain.EventSource;
import io.beacon.event.domain.NormalisedEvent;
import io.beacon.event.domain.Severity;
import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Events that came through Kafka may come twice (a resent spool, offsets committed after a crash): they count once. */
class EventBatchWriterRedeliveryTest {
    private final StoredAlarms alarms = new StoredAlarms();
    private final StoredEvents log = new StoredEvents();
    private final EventBatchWriter writer = new EventBatchWriter();

    EventBatchWriterRedeliveryTest() {
        writer.alarms = alarms;
        writer.log = log;
        writer.paging = new PagingThreshold() {
            @Override
            public Severity severity() {
                return Severity.CRITICAL; // the test's majors open no incident: this is about counting
            }
        };
    }

    @Test
    void anEventRedeliveredInALaterBatchIsNeitherStoredNorCountedAgain() {
        writer.write(List.of(linkDown("id-1"), linkDown("id-2")));

        BatchResult again = writer.write(List.of(linkDown("id-2"), linkDown("id-3")));

        assertEquals(1, again.stored());
        assertEquals(1, again.duplicates());
        assertEquals(3, alarms.only().getCount());
        assertEquals(3, log.events.size());
    }

    @Test
    void anEventTwiceInOneBatchCountsOnce() {
        BatchResult result = writer.write(List.of(linkDown("id-1"), linkDown("id-1")));

        assertEquals(1, result.stored());
        assertEquals(1, result.duplicates());
        assertEquals(1, alarms.only().getCount());
    }

    @Test
    void eventsWithoutIdAreAllStoredAsOnOneNode() {
        writer.write(List.of(linkDown(null), linkDown(null)));

        assertEquals(2, alarms.only().getCount());
        assertEquals(0, log.idQueries, "one node asks nothing about ids");
    }

    private static NormalisedEvent linkDown(String id) {
        return new NormalisedEvent(Instant.parse("2026-12-07T01:00:00Z"), EventSource.SNMP, EventKind.PROBLEM, "linkDown",
                Severity.MAJOR, "linkDown:10.0.0.1", null, null, null, "10.0.0.1", null, "link down", "{}", List.of(), id);
    }

    private static final class StoredEvents implements MonitoringEvents {
        final List<MonitoringEvent> events = new ArrayList<>();
        int idQueries;

        @Override
        public void addAll(List<MonitoringEvent> batch) {
            events.addAll(batch);
        }

        @Override
        public Set<String> storedIds(Collection<String> eventIds) {
            idQueries++;
            Set<String> stored = new HashSet<>();
            for (MonitoringEvent e : events) {
                if (eventIds.contains(e.getEventId())) {
                    stored.add(e.getEventId());
                }
            }
            return stored;
        }

        @Override
        public Page<MonitoringEvent> list(Long ciId, Long alarmId, EventSource source, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<MonitoringEvent> latestOf(long alarmId, int max) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class StoredAlarms implements Alarms {
        final Map<String, Alarm> byKey = new HashMap<>();

        Alarm only() {
            assertEquals(1, byKey.size());
            return byKey.values().iterator().next();
        }

        @Override
        public Map<String, Alarm> byReductionKeys(Collection<String> keys) {
            Map<String, Alarm> found = new HashMap<>();
            for (String k : keys) {
                if (byKey.containsKey(k)) {
                    found.put(k, byKey.get(k));
                }
            }
            return found;
        }

        @Override
        public void add(Alarm alarm) {
            byKey.put(alarm.getReductionKey(), alarm);
        }

        @Override
        public void flush() {}

        @Override
        public void flushAndClear() {}

        @Override
        public Optional<Alarm> byId(long id) { throw new UnsupportedOperationException(); }
        @Override
        public Map<Long, Alarm> byIds(Collection<Long> ids) { throw new UnsupportedOperationException(); }
        @Override
        public List<Alarm> byIncident(long ticketId) { throw new UnsupportedOperationException(); }
        @Override
        public Map<Long, List<Alarm>> byIncidents(Collection<Long> ticketIds) { throw new UnsupportedOperationException(); }
        @Override
        public Page<Alarm> list(AlarmFilter filter, String sort, PageRequest page) { throw new UnsupportedOperationException(); }
        @Override
        public Map<Severity, Long> activeBySeverity() { throw new UnsupportedOperationException(); }
        @Override
        public List<Long> activeWithoutIncident(Collection<Severity> severities, int max) { throw new UnsupportedOperationException(); }
        @Override
        public List<Alarm> correlated(int max) { throw new UnsupportedOperationException(); }

        @Override
        public List<Alarm> awaitingCorrelation(int max) { throw new UnsupportedOperationException(); }
        @Override
        public List<Alarm> activeWithoutCiFrom(Collection<String> addressesOrHosts, int max) { throw new UnsupportedOperationException(); }
        @Override
        public List<Alarm> byChangeKey(String changeKey, int max) { throw new UnsupportedOperationException(); }
    }
}
