package io.beacon.event.domain;

/**
 * One hint to which CI an event comes from, as the channel saw it ("snmpTrapAddress", "agent-addr",
 * "udp-source", "instance", "hostname"...): an address, or a host or CI name.
 */
public record CiClue(String name, String value, boolean ip) {
    public static CiClue ip(String name, String value) {
        return new CiClue(name, value, true);
    }

    public static CiClue host(String name, String value) {
        return new CiClue(name, value, false);
    }
}
