package io.beacon.report.domain;

/** How many rows the database counted in one cell of a segment (see {@link Segment}). */
public record CountCell(long cell, long count) {}
