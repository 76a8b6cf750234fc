package io.beacon.report.domain;

import io.beacon.ticket.domain.TicketType;
import java.util.List;

/** The figures a report reads, added up by the database per cell of one segment; it never changes data. */
public interface ReportFigures {
    /**
     * Tickets opened within the segment, of the given type (null: every type), added up per cell
     * of their opening time.
     */
    List<TicketTimeCell> ticketTimes(TicketType type, Segment segment);

    /** Monitoring events received within the segment, counted per cell of their arrival. */
    List<CountCell> eventsReceived(Segment segment);
}
