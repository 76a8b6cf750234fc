package io.beacon.cluster;

import io.beacon.it.support.TrapSender;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.event.ResponseListener;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.GenericAddress;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * v2c linkDown INFORMs at a fixed rate from many devices (each its own loopback address), sent
 * without waiting for answers, as a site full of devices does: each INFORM is counted as answered
 * only when its Response-PDU came (one try, no retry), so "answered" is exactly what the receiver
 * acknowledged. Every {@code newAlarmEverySeconds} each device moves to its next interface, so the
 * flood keeps raising new alarms (each opening an incident) while nodes are killed.
 */
final class InformFlood implements Closeable {
    private static final long TIMEOUT_MILLIS = 5000;

    private final List<Snmp> devices = new ArrayList<>();
    private final List<String> addresses = new ArrayList<>();
    private final Address target;
    private final AtomicLongArray sent;
    private final AtomicLongArray answered;
    private final AtomicLong unanswered = new AtomicLong();

    InformFlood(int receiverPort, List<String> deviceAddresses) throws IOException {
        this.target = GenericAddress.parse("udp:127.0.0.1/" + receiverPort);
        this.sent = new AtomicLongArray(deviceAddresses.size());
        this.answered = new AtomicLongArray(deviceAddresses.size());
        for (String address : deviceAddresses) {
            DefaultUdpTransportMapping transport = new DefaultUdpTransportMapping(new UdpAddress(address + "/0"));
            transport.setReceiveBufferSize(1 << 20);
            Snmp snmp = new Snmp(transport);
            snmp.listen();
            devices.add(snmp);
            addresses.add(address);
        }
    }

    /** What a run sent and got answered, how long it took, and how far behind schedule the sender fell at worst. */
    record Result(long sent, long answered, long unanswered, double seconds, double maxLagMillis) {
        double answeredPerSecond() {
            return answered / seconds;
        }
    }

    /**
     * Sends {@code perSecond} INFORMs a second for {@code seconds}, round-robin over the devices;
     * {@code atSecond} is told each whole second that passes (the test's kills hang on it). Returns
     * once the last INFORM's answer or timeout is in.
     */
    Result run(int perSecond, int seconds, int newAlarmEverySeconds, java.util.function.IntConsumer atSecond)
            throws InterruptedException {
        long sentBefore = total(sent);
        long answeredBefore = total(answered);
        long unansweredBefore = unanswered.get();
        long planned = (long) perSecond * seconds;
        long start = System.nanoTime();
        long maxLag = 0;
        int announced = 0;
        for (long n = 0; n < planned; ) {
            long elapsed = System.nanoTime() - start;
            int second = (int) (elapsed / 1_000_000_000L);
            while (announced < second && announced < seconds) {
                atSecond.accept(++announced);
            }
            long due = Math.min(planned, elapsed * perSecond / 1_000_000_000L + 1);
            if (due > n + perSecond / 1000 + 1) {
                maxLag = Math.max(maxLag, elapsed - n * 1_000_000_000L / perSecond);
            }
            for (; n < due; n++) {
                int device = (int) (n % devices.size());
                int ifIndex = 1 + second / newAlarmEverySeconds;
                send(device, ifIndex);
            }
            LockSupport.parkNanos(500_000);
        }
        double took = (System.nanoTime() - start) / 1e9;
        Thread.sleep(TIMEOUT_MILLIS + 500); // the last answers or timeouts
        return new Result(total(sent) - sentBefore, total(answered) - answeredBefore, unanswered.get() - unansweredBefore,
                took, maxLag / 1e6);
    }

    private void send(int device, int ifIndex) {
        CommunityTarget<Address> t = new CommunityTarget<>(target, new OctetString("public"));
        t.setVersion(SnmpConstants.version2c);
        t.setTimeout(TIMEOUT_MILLIS);
        t.setRetries(0);
        PDU pdu = TrapSender.link(TrapSender.LINK_DOWN, ifIndex, null, PDU.INFORM);
        sent.incrementAndGet(device);
        try {
            devices.get(device).send(pdu, t, null, new ResponseListener() {
                @Override
                public <A extends Address> void onResponse(ResponseEvent<A> event) {
                    ((Snmp) event.getSource()).cancel(event.getRequest(), this);
                    if (event.getResponse() != null) {
                        answered.incrementAndGet(device);
                    } else {
                        unanswered.incrementAndGet();
                    }
                }
            });
        } catch (IOException e) {
            unanswered.incrementAndGet();
        }
    }

    String address(int device) {
        return addresses.get(device);
    }

    int devices() {
        return devices.size();
    }

    long sent(int device) {
        return sent.get(device);
    }

    long answered(int device) {
        return answered.get(device);
    }

    long answeredTotal() {
        return total(answered);
    }

    private static long total(AtomicLongArray a) {
        long n = 0;
        for (int i = 0; i < a.length(); i++) {
            n += a.get(i);
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        for (Snmp s : devices) {
            s.close();
        }
    }
}
