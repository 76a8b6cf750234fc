package io.beacon.report.domain;

import java.util.List;

/** A count per bucket (events received per hour) and over the whole range. */
public record CountReport(TimeBuckets buckets, List<Long> perBucket, long total) {
    /** Adds the cells of every segment into the buckets they fall in. */
    public static CountReport collect(TimeBuckets buckets, List<SegmentCells<CountCell>> cells) {
        long[] counts = new long[buckets.buckets().size()];
        long total = 0;
        for (SegmentCells<CountCell> s : cells) {
            for (CountCell c : s.cells()) {
                int i = buckets.bucketOf(s.segment(), c.cell());
                if (i >= 0) {
                    counts[i] += c.count();
                    total += c.count();
                }
            }
        }
        return new CountReport(buckets, java.util.Arrays.stream(counts).boxed().toList(), total);
    }
}
