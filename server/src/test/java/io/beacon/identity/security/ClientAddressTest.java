package io.beacon.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {
    @Test
    void onlyIpLiteralsAreAcceptedAndNamesAreNeverLookedUp() {
        assertThat(ClientAddress.normal("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(ClientAddress.normal("::1")).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(ClientAddress.normal("example.com")).isNull();
        assertThat(ClientAddress.normal("")).isNull();
        assertThat(ClientAddress.normal("1.2.3.4; drop")).isNull();
    }
}
