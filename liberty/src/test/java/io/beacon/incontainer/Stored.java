package io.beacon.incontainer;

import io.beacon.event.alarm.domain.Alarm;
import io.beacon.event.alarm.domain.AlarmStatus;
import io.beacon.event.alarm.domain.Alarms;
import io.beacon.event.alarm.domain.MonitoringEvents;
import io.beacon.event.domain.Severity;
import io.beacon.platform.domain.PageRequest;
import io.beacon.ticket.domain.Ticket;
import io.beacon.ticket.domain.TicketComment;
import io.beacon.ticket.domain.TicketFilter;
import io.beacon.ticket.domain.TicketSort;
import io.beacon.ticket.domain.TicketStatus;
import io.beacon.ticket.domain.TicketType;
import io.beacon.ticket.domain.Tickets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the database holds, each look in a new transaction of its own: what any other reader (the
 * console, the API) would see at that moment. Answers copies, never managed entities.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class Stored {
    @Inject
    Alarms alarms;

    @Inject
    MonitoringEvents events;

    @Inject
    Tickets tickets;

    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    /** What a rehearsal must leave as it found: the rows of the event path and the last incident number given. */
    public record Footprint(long alarms, long events, long tickets, long lastIncidentNumber) {}

    public Footprint footprint() {
        return new Footprint(count("SELECT count(*) FROM alarm"), count("SELECT count(*) FROM monitoring_event"),
                count("SELECT count(*) FROM ticket"),
                count("SELECT last_number FROM ticket_number WHERE ticket_type = 'incident'"));
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    /** An alarm as stored. */
    public record AlarmRow(long id, String reductionKey, AlarmStatus status, Severity severity, Long ciId, long count,
            Instant firstSeen, Instant lastSeen, Instant clearedAt, Long incidentId, String incidentKey,
            Long rootCauseAlarmId, String suppressionKind, String suppressionReason, boolean flapping, long eventsStored) {}

    /** An incident as stored, with its internal notes (where Beacon says why it did what it did). */
    public record IncidentRow(long id, String key, TicketStatus status, String title, List<Long> ciIds, List<String> notes,
            String resolution) {
        public boolean open() {
            return status.isOpen();
        }
    }

    public Optional<AlarmRow> alarm(String reductionKey) {
        Alarm a = alarms.byReductionKeys(List.of(reductionKey)).get(reductionKey);
        if (a == null) {
            return Optional.empty();
        }
        long stored = events.list(null, a.getId(), null, new PageRequest(0, 1)).total();
        return Optional.of(new AlarmRow(a.getId(), a.getReductionKey(), a.getStatus(), a.getSeverity(), a.getCiId(),
                a.getCount(), a.getFirstSeen(), a.getLastSeen(), a.getClearedAt(), a.getIncidentId(), a.getIncidentKey(),
                a.getRootCauseAlarmId(), a.getSuppressionKind(), a.getSuppressionReason(), a.isFlapping(), stored));
    }

    public Optional<IncidentRow> incident(long ticketId) {
        return tickets.byId(ticketId).map(this::row);
    }

    /** The incidents linked to this CI, oldest first. */
    public List<IncidentRow> incidentsOn(long ciId) {
        TicketFilter filter = new TicketFilter(Set.of(TicketType.INCIDENT), null, null, ciId, null, false, null, null,
                null, null);
        List<Ticket> found = new ArrayList<>(tickets.find(filter, TicketSort.NEWEST_FIRST,
                new PageRequest(0, PageRequest.MAX_SIZE)).items());
        Collections.reverse(found);
        return found.stream().map(this::row).toList();
    }

    private IncidentRow row(Ticket t) {
        List<String> notes = tickets.comments(t.getId(), true).stream().filter(TicketComment::isInternal)
                .map(TicketComment::getBody).toList();
        return new IncidentRow(t.getId(), t.getKey(), t.getStatus(), t.getTitle(), List.copyOf(t.getCiIds()), notes,
                t.getResolution());
    }
}
