package io.beacon.workflows.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class RetiredDecisionSettingsTest {

    @Test
    void aRetiredSettingStillSetIsNamedWithTheTableThatDecidesNow() {
        assertThat(RetiredDecisionSettings.warnings(config(Map.of("beacon.change.approval.rule", "majority",
                "beacon.mail.incident.senders", "noc@corp.kr"))))
                .singleElement().asString()
                .startsWith("BEACON_CHANGE_APPROVAL_RULE (beacon.change.approval.rule) is set but no longer read")
                .contains("decisions/changeApproval.dmn");
        assertThat(RetiredDecisionSettings.warnings(config(Map.of("beacon.events.incident.priority", "critical=P2"))))
                .singleElement().asString().contains("alarmPriority");
    }

    @Test
    void nothingIsSaidWhenNoneIsSet() {
        assertThat(RetiredDecisionSettings.warnings(config(Map.of()))).isEmpty();
    }

    /** A Config answering only getOptionalValue, from the map. */
    private static Config config(Map<String, String> values) {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("getOptionalValue")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return Optional.ofNullable(values.get((String) args[0]));
                });
    }
}
