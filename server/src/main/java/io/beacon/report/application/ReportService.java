package io.beacon.report.application;

import io.beacon.report.domain.CountCell;
import io.beacon.report.domain.CountReport;
import io.beacon.report.domain.ReportFigures;
import io.beacon.report.domain.Segment;
import io.beacon.report.domain.SegmentCells;
import io.beacon.report.domain.TicketTimeCell;
import io.beacon.report.domain.TicketTimesReport;
import io.beacon.report.domain.TimeBuckets;
import io.beacon.ticket.domain.TicketType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import io.beacon.report.domain.SatisfactionFigures;
import io.beacon.report.domain.SatisfactionReport;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's figures over time. The database adds up per cell (one query per segment of constant
 * offset, usually one), so a report costs one indexed range scan whatever the number of tickets, and
 * never loads a ticket.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReportService {
    @Inject
    ReportFigures figures;

    @Inject
    Clock clock;

    @Inject
    SatisfactionFigures satisfaction;

    /** Tickets opened per bucket (null type: every type) with their mean times to acknowledge and resolve. */
    public TicketTimesReport ticketTimes(TicketType type, TimeBuckets buckets) {
        List<SegmentCells<TicketTimeCell>> cells = new ArrayList<>();
        for (Segment s : buckets.segments()) {
            cells.add(new SegmentCells<>(s, figures.ticketTimes(type, s)));
        }
        return TicketTimesReport.collect(buckets, cells);
    }

    /** The requesters' average satisfaction per bucket and per group that resolved the tickets. */
    public SatisfactionReport satisfaction(TimeBuckets buckets) {
        return SatisfactionReport.collect(buckets, satisfaction.ratings(buckets.start(), buckets.end()));
    }

    /** Monitoring events received in each of the last {@code hours} local hours, the current one last. */
    public CountReport eventsPerHour(int hours, ZoneId zone) {
        TimeBuckets buckets = TimeBuckets.hours(zone, clock.instant(), hours);
        List<SegmentCells<CountCell>> cells = new ArrayList<>();
        for (Segment s : buckets.segments()) {
            cells.add(new SegmentCells<>(s, figures.eventsReceived(s)));
        }
        return CountReport.collect(buckets, cells);
    }
}
