package io.beacon.report.domain;

/** What the database added up for one cell of a segment (see {@link Segment}). */
public record TicketTimeCell(long cell, TicketTimeSums sums) {}
