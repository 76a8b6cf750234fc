package io.beacon.report.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The average satisfaction (1 to 5) per period and per group that resolved the tickets, and over the
 * whole range. A group key of null means the tickets had no group.
 *
 * @param perBucket for each bucket, the figures per group id
 * @param perGroup  over the whole range, per group id
 * @param total     over the whole range, every group
 */
public record SatisfactionReport(TimeBuckets buckets, List<Map<Long, Score>> perBucket, Map<Long, Score> perGroup,
        Score total) {

    /** How many ratings and their sum; the average is null without ratings. */
    public record Score(long count, long sum) {
        public static final Score NONE = new Score(0, 0);

        public Score plus(int score) {
            return new Score(count + 1, sum + score);
        }

        /** Rounded to two decimals. */
        public Double average() {
            return count == 0 ? null : Math.round(sum * 100.0 / count) / 100.0;
        }
    }

    public static SatisfactionReport collect(TimeBuckets buckets, List<SatisfactionFigures.Rated> ratings) {
        List<Map<Long, Score>> perBucket = new ArrayList<>();
        for (int i = 0; i < buckets.buckets().size(); i++) {
            perBucket.add(new LinkedHashMap<>());
        }
        Map<Long, Score> perGroup = new TreeMap<>(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        Score total = Score.NONE;
        for (SatisfactionFigures.Rated r : ratings) {
            int b = buckets.bucketAt(r.at());
            if (b < 0) {
                continue;
            }
            perBucket.get(b).merge(r.groupId(), Score.NONE.plus(r.score()), (x, y) -> new Score(x.count() + y.count(), x.sum() + y.sum()));
            perGroup.merge(r.groupId(), Score.NONE.plus(r.score()), (x, y) -> new Score(x.count() + y.count(), x.sum() + y.sum()));
            total = total.plus(r.score());
        }
        return new SatisfactionReport(buckets, perBucket, perGroup, total);
    }
}
