package io.beacon.cmdb.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks and normalises IP address literals and host names without ever asking DNS: only strings
 * that are literals by their shape reach {@link InetAddress}, which then parses them in place.
 * IPv4 comes out dotted-decimal, IPv6 in the RFC 5952 canonical text form (lower case, shortest).
 */
public final class NetworkAddresses {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_SHAPE = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private NetworkAddresses() {}

    /** The canonical text of an IPv4 or IPv6 literal, or empty when the text is not one. */
    public static Optional<String> normaliseIp(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (IPV4.matcher(s).matches()) {
            for (String part : s.split("\\.")) {
                if (Integer.parseInt(part) > 255 || (part.length() > 1 && part.startsWith("0"))) {
                    return Optional.empty(); // leading zeros read as octal by some tools: refuse them
                }
            }
            return literal(s).map(InetAddress::getHostAddress);
        }
        if (s.indexOf(':') >= 0 && IPV6_SHAPE.matcher(s).matches()) {
            return literal(s).map(a -> a instanceof Inet6Address v6 ? canonicalIpv6(v6.getAddress()) : a.getHostAddress());
        }
        return Optional.empty();
    }

    private static Optional<InetAddress> literal(String s) {
        try {
            // Only called with strings shaped like literals: no name resolution takes place.
            InetAddress a = InetAddress.getByName(s);
            return a instanceof Inet4Address || a instanceof Inet6Address ? Optional.of(a) : Optional.empty();
        } catch (UnknownHostException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** RFC 5952: lower-case hex, no leading zeros, the longest run (2+) of zero groups as "::". */
    static String canonicalIpv6(byte[] b) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength && j - i >= 2) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    /** A host name (RFC 1123 labels), lower-cased and without a trailing dot, or empty when invalid. */
    public static Optional<String> normaliseHostname(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.trim().toLowerCase(Locale.ROOT);
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty() || s.length() > 253) {
            return Optional.empty();
        }
        for (String label : s.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(s);
    }
}
