package io.beacon.integrations.snmp;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.snmp4j.TransportStateReference;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.UdpTransportMapping;

/**
 * The trap port as several UDP sockets bound together with {@code SO_REUSEPORT} (where the
 * platform has it), each with its own kernel receive buffer and its own thread that only copies
 * datagrams out to the listeners (the {@link ReceiveQueue}). In a storm the kernel spreads the
 * senders over the sockets: twice the buffer to absorb a pause (a garbage collection, the JIT
 * compiling the write path of a cold server), two threads draining it. Answers (INFORM
 * responses, v3 reports) leave from the trap port, as senders expect.
 */
final class TrapSockets extends UdpTransportMapping {
    private static final Logger LOG = Logger.getLogger(TrapSockets.class.getName());
    private static final Path RMEM_MAX = Path.of("/proc/sys/net/core/rmem_max");

    private final List<DatagramChannel> channels = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final int askedBufferBytes;
    private volatile boolean listening;

    /**
     * Binds {@code count} sockets (one where SO_REUSEPORT is missing) to the address, asking each for a
     * receive buffer of {@code bufferBytes}. Fails, as a single socket would, when another process has the port.
     */
    TrapSockets(UdpAddress address, int count, int bufferBytes) throws IOException {
        super(address);
        this.askedBufferBytes = bufferBytes;
        InetSocketAddress bindTo = new InetSocketAddress(address.getInetAddress(), address.getPort());
        if (bindTo.getPort() != 0) {
            // Probe without SO_REUSEPORT first: a port another process holds is an error, never a silent share of its traps.
            try (DatagramSocket probe = new DatagramSocket(null)) {
                probe.bind(bindTo);
            }
        }
        boolean reusePort;
        try (DatagramChannel probe = DatagramChannel.open()) {
            reusePort = count > 1 && probe.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT);
        }
        try {
            for (int i = 0; i < (reusePort ? count : 1); i++) {
                DatagramChannel c = DatagramChannel.open();
                channels.add(c);
                if (reusePort) {
                    c.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                }
                c.setOption(StandardSocketOptions.SO_RCVBUF, bufferBytes);
                c.bind(bindTo);
                bindTo = (InetSocketAddress) c.getLocalAddress(); // port 0: the others join the port the first one got
            }
        } catch (IOException e) {
            close();
            throw e;
        }
        this.udpAddress = new UdpAddress(address.getInetAddress(), bindTo.getPort());
    }

    @Override
    public synchronized void listen() {
        if (listening) {
            return;
        }
        listening = true;
        for (int i = 0; i < channels.size(); i++) {
            DatagramChannel c = channels.get(i);
            Thread t = new Thread(() -> receive(c), "beacon-snmp-listen-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** Copies each datagram out and goes straight back to the socket: the receive queue does the rest. */
    private void receive(DatagramChannel channel) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(Math.max(getMaxInboundMessageSize(), 65_535));
        while (listening) {
            try {
                buffer.clear();
                InetSocketAddress from = (InetSocketAddress) channel.receive(buffer);
                buffer.flip();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                UdpAddress peer = new UdpAddress(from.getAddress(), from.getPort());
                fireProcessMessage(peer, ByteBuffer.wrap(bytes), new TransportStateReference(this, peer, null,
                        SecurityLevel.undefined, SecurityLevel.undefined, false, channel));
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException | RuntimeException e) {
                if (listening) {
                    LOG.log(Level.WARNING, "The trap port could not receive a datagram: " + e.getMessage(), e);
                }
            }
        }
    }

    @Override
    public void sendMessage(UdpAddress to, byte[] message, TransportStateReference state, long timeout, int retries)
            throws IOException {
        DatagramChannel channel = state != null && state.getSessionID() instanceof DatagramChannel c ? c : channels.get(0);
        channel.send(ByteBuffer.wrap(message), new InetSocketAddress(to.getInetAddress(), to.getPort()));
    }

    @Override
    public boolean isListening() {
        return listening;
    }

    @Override
    public synchronized void close() throws IOException {
        listening = false;
        for (Thread t : threads) {
            t.interrupt(); // a thread blocked in receive() gets ClosedByInterruptException and ends
        }
        for (DatagramChannel c : channels) {
            c.close();
        }
    }

    int socketCount() {
        return channels.size();
    }

    /** The receive buffer the first socket got (the JDK halves the figure Linux reports, which counts its overhead). */
    int grantedBufferBytes() throws IOException {
        return channels.get(0).getOption(StandardSocketOptions.SO_RCVBUF);
    }

    /**
     * Linux grants at most {@code net.core.rmem_max} bytes of receive buffer per socket, silently; answers that cap
     * where it is below what was asked, else -1 (or where it cannot be read).
     */
    long kernelCapBelowAsked() {
        try {
            long max = Long.parseLong(Files.readAllLines(RMEM_MAX).get(0).trim()); // readString can stop short on procfs
            return max < askedBufferBytes ? max : -1;
        } catch (IOException | RuntimeException notLinux) {
            return -1;
        }
    }
}
