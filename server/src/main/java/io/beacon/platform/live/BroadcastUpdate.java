package io.beacon.platform.live;

/**
 * A live update as it came back from the {@link LiveBroadcast}: {@code sequence} names the ordered
 * log it was read from (a Kafka partition) and {@code position} its place there (the offset), the
 * same on every node, so that a stream resumed on another node ({@code Last-Event-ID}) knows where
 * it stood; {@code fromElsewhere} when another node committed the change (what this node keeps of its
 * own, such as the search index, then follows it). Fired on the receiver's one thread, in log order.
 */
public record BroadcastUpdate(LiveUpdate update, String sequence, long position, boolean fromElsewhere) {}
