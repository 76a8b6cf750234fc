package io.beacon.event.application;

/** What a webhook delivery amounted to once committed: how many events it held. */
public record IngestReceipt(int events) {}
