package io.beacon.integrations.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommunityCheckTest {
    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void withNoCommunityConfiguredEveryV1AndV2cMessageIsRefused() {
        CommunityCheck none = new CommunityCheck(List.of());
        assertThat(none.refusal(bytes("public"))).isEqualTo("community_not_configured");
        assertThat(none.refusal(bytes(""))).isEqualTo("community_not_configured");
    }

    @Test
    void onlyTheConfiguredCommunitiesAreAccepted() {
        CommunityCheck check = new CommunityCheck(List.of("public", "beacon-it"));
        assertThat(check.refusal(bytes("public"))).isNull();
        assertThat(check.refusal(bytes("beacon-it"))).isNull();
        assertThat(check.refusal(bytes("private"))).isEqualTo("bad_community");
        assertThat(check.refusal(bytes("Public"))).isEqualTo("bad_community");
        assertThat(check.refusal(null)).isEqualTo("bad_community");
    }
}
