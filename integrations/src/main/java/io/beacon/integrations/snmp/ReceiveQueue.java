package io.beacon.integrations.snmp;

import io.beacon.event.ingest.application.IngestMetrics;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.snmp4j.MessageDispatcher;
import org.snmp4j.TransportMapping;
import org.snmp4j.TransportStateReference;
import org.snmp4j.smi.Address;
import org.snmp4j.transport.TransportListener;

/**
 * Between the UDP socket and the SNMP decoding: the socket's listen thread only copies each
 * datagram into this bounded queue and goes back to the socket, so that bursts wait here (where
 * an overflow is a counted drop) rather than overflow the kernel buffer (an uncounted loss).
 * A few worker threads decode, authenticate and hand the traps on.
 */
final class ReceiveQueue implements TransportListener {
    private static final Logger LOG = Logger.getLogger(ReceiveQueue.class.getName());

    private record Datagram(TransportMapping<?> transport, Address from, ByteBuffer bytes, TransportStateReference state) {}

    private final ArrayBlockingQueue<Datagram> queue;
    private final MessageDispatcher dispatcher;
    private final IngestMetrics metrics;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;

    ReceiveQueue(int capacity, int threads, MessageDispatcher dispatcher, IngestMetrics metrics) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::work, "beacon-snmp-" + (i + 1));
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    @Override
    public <A extends Address> void processMessage(TransportMapping<? super A> transport, A from, ByteBuffer message,
            TransportStateReference state) {
        if (!queue.offer(new Datagram(transport, from, message, state))) {
            metrics.trapRejected("receive_queue_full");
            metrics.dropped(1);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void work() {
        while (running) {
            try {
                Datagram d = queue.poll(500, TimeUnit.MILLISECONDS);
                if (d != null) {
                    dispatcher.processMessage((TransportMapping) d.transport(), d.from(), d.bytes(), d.state());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                metrics.trapRejected("unprocessable");
                LOG.log(Level.FINE, "A datagram could not be processed", e);
            }
        }
    }

    int depth() {
        return queue.size();
    }

    void stop() {
        running = false;
        workers.forEach(Thread::interrupt);
    }
}
