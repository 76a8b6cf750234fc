package io.beacon.report.domain;

import java.time.Instant;
import java.util.List;

/** The requesters' ratings as the satisfaction report reads them. */
public interface SatisfactionFigures {
    /** One rating: when it was given, the group that resolved the ticket (null: none), its score. */
    record Rated(Instant at, Long groupId, int score) {}

    /** Ratings given in [start, end). */
    List<Rated> ratings(Instant start, Instant end);
}
