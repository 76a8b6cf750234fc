package io.beacon.report.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Tickets opened per bucket with their mean times to acknowledge and resolve, and the same over the range. */
public record TicketTimesReport(TimeBuckets buckets, List<TicketTimeSums> perBucket, TicketTimeSums total) {
    /** Adds the cells of every segment into the buckets they fall in. */
    public static TicketTimesReport collect(TimeBuckets buckets, List<SegmentCells<TicketTimeCell>> cells) {
        TicketTimeSums[] sums = new TicketTimeSums[buckets.buckets().size()];
        Arrays.fill(sums, TicketTimeSums.NONE);
        TicketTimeSums total = TicketTimeSums.NONE;
        for (SegmentCells<TicketTimeCell> s : cells) {
            for (TicketTimeCell c : s.cells()) {
                int i = buckets.bucketOf(s.segment(), c.cell());
                if (i >= 0) {
                    sums[i] = sums[i].plus(c.sums());
                    total = total.plus(c.sums());
                }
            }
        }
        return new TicketTimesReport(buckets, new ArrayList<>(Arrays.asList(sums)), total);
    }
}
