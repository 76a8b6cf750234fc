package io.beacon.event.ingest.application;

/** What a webhook delivery amounted to once committed: how many events it held. */
public record IngestReceipt(int events) {}
