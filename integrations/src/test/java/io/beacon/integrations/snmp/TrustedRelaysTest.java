package io.beacon.integrations.snmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class TrustedRelaysTest {
    static boolean trusts(TrustedRelays relays, String address) throws Exception {
        return relays.contains(InetAddress.getByName(address));
    }

    @Test
    void trustsListedAddressesAndRangesOnly() throws Exception {
        TrustedRelays relays = TrustedRelays.parse(" 192.0.2.7, 10.20.0.0/16 ,172.16.5.128/25, 2001:db8::/32");
        assertThat(trusts(relays, "192.0.2.7")).isTrue();
        assertThat(trusts(relays, "192.0.2.8")).isFalse();
        assertThat(trusts(relays, "10.20.255.1")).isTrue();
        assertThat(trusts(relays, "10.21.0.1")).isFalse();
        assertThat(trusts(relays, "172.16.5.200")).isTrue();
        assertThat(trusts(relays, "172.16.5.127")).isFalse();
        assertThat(trusts(relays, "2001:db8:1::9")).isTrue();
        assertThat(trusts(relays, "2001:db9::9")).isFalse();
        assertThat(relays.size()).isEqualTo(4);
    }

    @Test
    void trustsNobodyByDefault() throws Exception {
        assertThat(trusts(TrustedRelays.parse(""), "127.0.0.1")).isFalse();
        assertThat(trusts(TrustedRelays.parse(null), "10.0.0.1")).isFalse();
    }

    @Test
    void refusesWhatIsNoAddressOrRange() {
        assertThatThrownBy(() -> TrustedRelays.parse("relay.example.com")).hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> TrustedRelays.parse("10.0.0.0/33")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> TrustedRelays.parse("10.0.0.0/x")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> TrustedRelays.parse("10.0.0.300")).hasMessageContaining("not an IP address");
    }
}
