package io.beacon.report.persistence;

import io.beacon.report.domain.CountCell;
import io.beacon.report.domain.ReportFigures;
import io.beacon.report.domain.Segment;
import io.beacon.report.domain.TicketTimeCell;
import io.beacon.report.domain.TicketTimeSums;
import io.beacon.ticket.domain.TicketType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.List;

/**
 * The report figures as native SQL that H2 and MariaDB both run: the database computes each row's
 * cell ({@code FLOOR(TIMESTAMPDIFF(SECOND, origin, t) / width)}) in a derived table and groups by it,
 * so only one row per cell comes back. The cell is grouped outside the derived table because its
 * expression holds bind parameters, which a GROUP BY cannot repeat. Range scans use
 * {@code ix_ticket_type_created} / {@code ix_ticket_created}, {@code ix_ticket_history_ticket_field} and
 * {@code ix_monitoring_event_received} (V9_1, V9_2).
 */
@ApplicationScoped
public class JpaReportFigures implements ReportFigures {
    /**
     * Acknowledged: the first time the ticket left {@code new} (assigned, started, pending or resolved;
     * a ticket opened with an assignee leaves it at once). Resolved: {@code resolved_at}, which a
     * reopening clears.
     */
    private static final String TICKET_TIMES = """
            SELECT x.cell, COUNT(*), COUNT(x.ack), SUM(x.ack), COUNT(x.res), SUM(x.res)
            FROM (SELECT FLOOR(TIMESTAMPDIFF(SECOND, :origin, t.created_at) / :width) AS cell,
                         TIMESTAMPDIFF(SECOND, t.created_at,
                             (SELECT MIN(h.changed_at) FROM ticket_history h
                              WHERE h.ticket_id = t.id AND h.field = 'status' AND h.old_value = 'new')) AS ack,
                         TIMESTAMPDIFF(SECOND, t.created_at, t.resolved_at) AS res
                  FROM ticket t
                  WHERE t.created_at >= :start AND t.created_at < :end %s) x
            GROUP BY x.cell
            """;

    private static final String EVENTS_RECEIVED = """
            SELECT x.cell, COUNT(*)
            FROM (SELECT FLOOR(TIMESTAMPDIFF(SECOND, :origin, e.received_at) / :width) AS cell
                  FROM monitoring_event e
                  WHERE e.received_at >= :start AND e.received_at < :end) x
            GROUP BY x.cell
            """;

    @PersistenceContext(unitName = "beacon")
    EntityManager em;

    @Override
    public List<TicketTimeCell> ticketTimes(TicketType type, Segment segment) {
        Query q = bind(em.createNativeQuery(TICKET_TIMES.formatted(type == null ? "" : "AND t.type = :type")), segment);
        if (type != null) {
            q.setParameter("type", type.name());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new TicketTimeCell(number(r[0]),
                new TicketTimeSums(number(r[1]), number(r[2]), number(r[3]), number(r[4]), number(r[5])))).toList();
    }

    @Override
    public List<CountCell> eventsReceived(Segment segment) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery(EVENTS_RECEIVED), segment).getResultList();
        return rows.stream().map(r -> new CountCell(number(r[0]), number(r[1]))).toList();
    }

    private static Query bind(Query q, Segment segment) {
        return q.setParameter("origin", segment.origin())
                .setParameter("width", segment.cellSeconds())
                .setParameter("start", segment.start())
                .setParameter("end", segment.end());
    }

    /** SUM of no rows is NULL; H2 and MariaDB answer integers, decimals or big integers alike. */
    private static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
