package io.beacon.integrations.snmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsmUserEntryTest {
    @Test
    void readsEverySecurityLevelAndAnEnginePin() {
        List<UsmUserEntry> users = UsmUserEntry.parseAll(
                "ops:SHA:authpass1:AES:privpass1, ops256:SHA-256:authpass2:AES-256:privpass2,"
                        + "watch:MD5:authpass3, anon, pinned:SHA:authpass4:DES:privpass4@80001f8880e9630000d61ff449");
        assertThat(users).extracting(UsmUserEntry::level)
                .containsExactly("authPriv", "authPriv", "authNoPriv", "noAuthNoPriv", "authPriv");
        assertThat(users.get(1).auth()).isEqualTo("SHA-256");
        assertThat(users.get(1).priv()).isEqualTo("AES-256");
        assertThat(users.get(0).engineId()).isNull();
        assertThat(HexFormat.of().formatHex(users.get(4).engineId())).isEqualTo("80001f8880e9630000d61ff449");
        assertThat(users.get(4).privPass()).isEqualTo("privpass4");
    }

    @Test
    void refusesUnknownProtocolsAndShortPassphrases() {
        assertThatThrownBy(() -> UsmUserEntry.parse("u:SHA1024:authpass1")).hasMessageContaining("authentication");
        assertThatThrownBy(() -> UsmUserEntry.parse("u:SHA:authpass1:BLOWFISH:privpass1")).hasMessageContaining("privacy");
        assertThatThrownBy(() -> UsmUserEntry.parse("u:SHA:short")).hasMessageContaining("8 characters");
        assertThatThrownBy(() -> UsmUserEntry.parse("u:SHA")).hasMessageContaining("user[:AUTH");
    }
}
