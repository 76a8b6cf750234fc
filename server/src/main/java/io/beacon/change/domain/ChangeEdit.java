package io.beacon.change.domain;

/** One field of a change that moved from one value to another (for the audit history). */
public record ChangeEdit(String field, String oldValue, String newValue) {}
