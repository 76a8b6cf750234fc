package io.beacon.it.support;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A flood of one SNMP datagram from many source addresses, paced on a {@code nanoTime} schedule
 * (each millisecond sends what is due by then), every datagram sent to each of several receivers
 * from the same socket, so that they all see the same flood. Remembers when each source sent
 * its first datagram (for trap → incident latencies) and reports the rate it achieved.
 */
public final class PacedTrapFlood implements Closeable {
    private final List<DatagramChannel> sources = new ArrayList<>();
    private final List<InetSocketAddress> receivers;
    private final ByteBuffer datagram;
    private final long[] firstSentNanos;
    private int next;

    /** One socket per source address; the datagram goes to every receiver. */
    public PacedTrapFlood(List<String> sourceAddresses, List<InetSocketAddress> receivers, byte[] datagram)
            throws IOException {
        this.receivers = List.copyOf(receivers);
        this.datagram = ByteBuffer.allocateDirect(datagram.length).put(datagram).flip();
        this.firstSentNanos = new long[sourceAddresses.size()];
        for (String address : sourceAddresses) {
            DatagramChannel c = DatagramChannel.open();
            c.setOption(java.net.StandardSocketOptions.SO_SNDBUF, 1 << 20);
            c.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            sources.add(c);
        }
    }

    /** What a phase sent, in how long, and how far behind its schedule the sender fell at worst. */
    public record Phase(int targetPerSecond, double plannedSeconds, long sent, double seconds, double maxLagMillis) {
        public double achievedPerSecond() {
            return sent / seconds;
        }
    }

    /** Sends {@code perSecond} datagrams a second (to each receiver) for {@code seconds}, round-robin over the sources. */
    public Phase run(int perSecond, double seconds) throws IOException {
        long total = Math.round(perSecond * seconds);
        long start = System.nanoTime();
        long sent = 0;
        long maxLag = 0;
        while (sent < total) {
            long now = System.nanoTime();
            long due = Math.min(total, (now - start) * perSecond / 1_000_000_000L + 1);
            if (due > sent + perSecond / 1000 + 1) { // more than a millisecond's worth due at once: behind schedule
                maxLag = Math.max(maxLag, now - start - sent * 1_000_000_000L / perSecond);
            }
            for (; sent < due; sent++) {
                send(now);
            }
            long nextTick = start + (sent * 1_000_000_000L / perSecond);
            long wait = nextTick - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(Math.min(wait, 1_000_000L));
            }
        }
        return new Phase(perSecond, seconds, sent, (System.nanoTime() - start) / 1e9, maxLag / 1e6);
    }

    private void send(long now) throws IOException {
        int source = next;
        next = (next + 1) % sources.size();
        if (firstSentNanos[source] == 0) {
            firstSentNanos[source] = now;
        }
        DatagramChannel channel = sources.get(source);
        int n = receivers.size();
        for (int i = 0; i < n; i++) { // each receiver first in turn: neither is always the second to get a datagram
            datagram.rewind();
            channel.send(datagram, receivers.get((source + i) % n));
        }
    }

    /** {@link System#nanoTime()} of each source's first datagram (0: none sent yet), in the order of the addresses. */
    public long[] firstSentNanos() {
        return Arrays.copyOf(firstSentNanos, firstSentNanos.length);
    }

    @Override
    public void close() throws IOException {
        for (DatagramChannel c : sources) {
            c.close();
        }
    }
}
