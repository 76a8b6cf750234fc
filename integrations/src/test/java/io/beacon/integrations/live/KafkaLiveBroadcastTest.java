package io.beacon.integrations.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.platform.live.LiveUpdate;
import org.junit.jupiter.api.Test;

class KafkaLiveBroadcastTest {
    @Test
    void anUpdateTravelsWithTheNodeThatCommittedIt() {
        String record = KafkaLiveBroadcast.toJson(new LiveUpdate("ticket", "changed", "42", "INC-7"), "core-a");
        assertThat(KafkaLiveBroadcast.fromJson(record)).isEqualTo(new LiveUpdate("ticket", "changed", "42", "INC-7"));
        assertThat(KafkaLiveBroadcast.originOf(record)).isEqualTo("core-a");
    }

    @Test
    void anUpdateFromANodeThatDidNotSayWhereItCameFromHasNoOrigin() {
        assertThat(KafkaLiveBroadcast.originOf("{\"topic\":\"ticket\",\"kind\":\"created\",\"id\":\"1\"}")).isNull();
    }
}
