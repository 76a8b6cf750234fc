package io.beacon.identity.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * The address a request came from, for counting failed sign-ins. That is the socket's peer, unless
 * the peer is one of the reverse proxies named in {@code beacon.trusted.proxies}: then the last
 * address in {@code X-Forwarded-For} that is not itself a trusted proxy. A header from anyone else
 * is ignored, since a client can write whatever it likes there.
 */
@ApplicationScoped
public class ClientAddress {
    @Inject
    Config config;

    private volatile Set<String> trustedProxies;

    public String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }

    /** The same from the socket's peer and the X-Forwarded-For header (null when absent). */
    public String of(String remoteAddress, String forwarded) {
        String peer = normal(remoteAddress);
        if (peer == null || forwarded == null || !trusted().contains(peer)) {
            return peer == null ? remoteAddress : peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = normal(hops[i].trim());
            if (hop == null) {
                return peer; // a malformed entry: trust nothing to its left
            }
            if (!trusted().contains(hop)) {
                return hop;
            }
        }
        return peer;
    }

    private Set<String> trusted() {
        if (trustedProxies == null) {
            trustedProxies = Arrays.stream(config.getOptionalValue("beacon.trusted.proxies", String.class).orElse("")
                    .split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(ClientAddress::normal)
                    .filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
        }
        return trustedProxies;
    }

    /** The canonical form of an IP literal, or null for anything else (never a DNS lookup). */
    static String normal(String address) {
        if (address == null || address.isEmpty() || address.length() > 45
                || !address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getHostAddress();
        } catch (UnknownHostException | RuntimeException e) {
            return null;
        }
    }
}
