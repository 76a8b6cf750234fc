package io.beacon.integrations.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnmpSettingsTest {
    static SnmpSettings with(Optional<String> community, Optional<String> relays) {
        SnmpSettings s = new SnmpSettings();
        s.community = community;
        s.trustedRelays = relays;
        return s;
    }

    @Test
    void noCommunityAndNoRelayUnlessConfigured() {
        SnmpSettings unset = with(Optional.empty(), Optional.empty());
        assertThat(unset.communities()).isEmpty();
        assertThat(unset.trustedRelays()).isEmpty();
        assertThat(with(Optional.of(" , "), Optional.empty()).communities()).isEmpty();
    }

    @Test
    void communitiesAreCommaSeparated() {
        assertThat(with(Optional.of("public, beacon-it ,"), Optional.of("10.0.0.0/8")).communities())
                .containsExactly("public", "beacon-it");
    }
}
