package io.beacon.report.domain;

import java.util.List;

/** The cells the database answered for one segment. */
public record SegmentCells<C>(Segment segment, List<C> cells) {}
