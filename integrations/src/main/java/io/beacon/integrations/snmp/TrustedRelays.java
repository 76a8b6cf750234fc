package io.beacon.integrations.snmp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The senders of {@code BEACON_SNMP_TRUSTED_RELAYS} (addresses and CIDR ranges, IPv4 or IPv6): only
 * their traps may name the device they speak for (v1 agent-addr, snmpTrapAddress.0); anyone else's
 * trap belongs to its UDP source.
 */
final class TrustedRelays {
    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges;

    private TrustedRelays(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** Parses the setting; a malformed entry is refused (a typo must not silently trust nobody or everybody). */
    static TrustedRelays parse(String setting) {
        List<Range> ranges = new ArrayList<>();
        if (setting != null) {
            for (String raw : setting.split(",")) {
                String entry = raw.strip();
                if (!entry.isEmpty()) {
                    ranges.add(range(entry));
                }
            }
        }
        return new TrustedRelays(ranges);
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        String host = slash < 0 ? entry : entry.substring(0, slash);
        if (!LITERAL.matcher(host).matches()) { // an address, never a name to look up
            throw new IllegalArgumentException("trusted relay '" + entry + "' is not an IP address or CIDR range");
        }
        byte[] network;
        try {
            network = InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("trusted relay '" + entry + "' is not an IP address or CIDR range", e);
        }
        int prefix = network.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("trusted relay '" + entry + "' has a bad prefix length");
            }
        }
        return new Range(network, prefix);
    }

    boolean contains(InetAddress sender) {
        byte[] address = sender.getAddress();
        return ranges.stream().anyMatch(r -> r.contains(address));
    }

    int size() {
        return ranges.size();
    }
}
