package io.beacon.ticket.domain;

/** One changed field of a ticket, as the audit trail records it. */
public record FieldChange(String field, String oldValue, String newValue) {}
