package io.beacon.platform.live;

/**
 * Carries live updates to every core node, this one included, so that a console connected to any
 * node sees a change made through another. Each node's receiver fires what arrives as a
 * {@link BroadcastUpdate}, numbered by its position in the broadcast. Inactive on a single node:
 * there the stream numbers its own updates and nothing leaves the server.
 */
public interface LiveBroadcast {
    boolean active();

    /** Sends a committed update on; it comes back to this node too, as a {@link BroadcastUpdate}. */
    void publish(LiveUpdate update);
}
