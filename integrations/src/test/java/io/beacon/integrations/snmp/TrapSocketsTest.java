package io.beacon.integrations.snmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.snmp4j.TransportMapping;
import org.snmp4j.TransportStateReference;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.TransportListener;

class TrapSocketsTest {

    @Test
    void datagramsFromManySendersReachTheListenersWhicheverSocketTheKernelPicks() throws Exception {
        TrapSockets sockets = new TrapSockets(new UdpAddress(InetAddress.getLoopbackAddress(), 0), 2, 1 << 20);
        int senders = 40;
        CountDownLatch all = new CountDownLatch(senders);
        Set<String> from = ConcurrentHashMap.newKeySet();
        sockets.addTransportListener(new TransportListener() {
            @Override
            public <A extends Address> void processMessage(TransportMapping<? super A> transport, A address,
                    ByteBuffer message, TransportStateReference state) {
                if (from.add(address.toString()) && message.remaining() == 3) {
                    all.countDown();
                }
            }
        });
        try {
            sockets.listen();
            int port = sockets.getListenAddress().getPort();
            assertThat(port).isPositive();
            for (int i = 0; i < senders; i++) {
                try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                    s.send(new DatagramPacket(new byte[] {1, 2, 3}, 3, InetAddress.getLoopbackAddress(), port));
                }
            }
            assertThat(all.await(10, TimeUnit.SECONDS)).as("every sender's datagram arrived").isTrue();
        } finally {
            sockets.close();
        }
    }

    @Test
    void aPortSomeoneElseHoldsIsAnErrorNotASharedPort() throws Exception {
        try (DatagramSocket other = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> new TrapSockets(new UdpAddress(InetAddress.getLoopbackAddress(), other.getLocalPort()), 2,
                    1 << 20)).isInstanceOf(SocketException.class);
        }
    }
}
