package io.beacon.event.ingest.application;

/**
 * The port between the channels and the single ingest writer: an in-process bounded queue today,
 * a Kafka topic when trap receivers run apart from the nodes. Never blocks and never grows past
 * its bound: when full, the event is shed (counted, and its {@code committed} fails).
 */
public interface EventQueue {
    /** Accepts the event, or sheds it and answers false. */
    boolean offer(Submission submission);

    /** Events waiting for the writer. */
    int depth();
}
