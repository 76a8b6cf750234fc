package io.beacon.event.alarm.application;

import java.util.function.Supplier;

/**
 * The one thread that writes alarm rows (the event pipeline's): whatever else changes an alarm (a
 * person acknowledging it, a CI claiming its address) runs there as a command, in order with the
 * events, so that no two writers ever race for the same row. Commands are never shed by an event
 * flood: they wait in a queue of their own and go before the next batch.
 */
public interface AlarmWriter {
    /**
     * Runs {@code command} on the writer thread and answers its result once it has run (its
     * failure is thrown here). Throws {@link AlarmWriterBusyException} when it has not run in time.
     */
    <T> T call(Supplier<T> command);

    /** Queues {@code command} for the writer thread without waiting for it. */
    void submit(Runnable command);
}
