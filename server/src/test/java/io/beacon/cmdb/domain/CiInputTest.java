package io.beacon.cmdb.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beacon.platform.domain.FieldError;
import io.beacon.platform.domain.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CiInputTest {

    @Test
    void aValidItemIsNormalised() {
        CiFields f = new CiInput(" mail-01 ", "Server", "MAIL-01.beacon.example",
                List.of("10.0.10.11", "2001:DB8::11", "10.0.10.11", " "), " Service Desk ", "  사내 메일  ",
                Map.of("os", "Debian 12")).validate();
        assertThat(f.name()).isEqualTo("mail-01");
        assertThat(f.type()).isEqualTo(CiType.SERVER);
        assertThat(f.hostname()).isEqualTo("mail-01.beacon.example");
        assertThat(f.ipAddresses()).containsExactly("10.0.10.11", "2001:db8::11");
        assertThat(f.ownerGroup()).isEqualTo("Service Desk");
        assertThat(f.description()).isEqualTo("사내 메일");
        assertThat(f.attributes()).containsEntry("os", "Debian 12");
    }

    @Test
    void everyOffendingFieldIsNamedAtOnce() {
        assertThatThrownBy(() -> new CiInput("", "mainframe", "bad_host", List.of("10.0.0.300"), "x".repeat(101),
                "d".repeat(2001), Map.of(" ", "v")).validate())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactlyInAnyOrder("name", "type", "hostname", "ipAddresses", "ownerGroup",
                                "description", "attributes"));
    }

    @Test
    void theUnknownTypeMessageListsTheCodes() {
        assertThatThrownBy(() -> new CiInput("x", "mainframe", null, null, null, null, null).validate())
                .hasMessageContaining("type").hasMessageContaining("virtual_machine");
    }

    @Test
    void typeCodesAreLowerCase() {
        assertThat(CiType.LOAD_BALANCER.code()).isEqualTo("load_balancer");
        assertThat(CiType.parse("UPS")).contains(CiType.UPS);
        assertThat(RelationType.parse("depends_on")).contains(RelationType.DEPENDS_ON);
        assertThat(RelationType.parse("hosts")).isEmpty();
    }

    @Test
    void applyTellsWhetherAnythingChanged() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Instant t1 = t0.plusSeconds(60);
        CiFields f = new CiInput("db-01", "database", null, List.of("10.0.10.21"), null, null, Map.of("a", "1"))
                .validate();
        ConfigurationItem ci = new ConfigurationItem(f, t0);
        assertThat(ci.apply(f, t1)).isFalse();
        assertThat(ci.getUpdatedAt()).isEqualTo(t0);
        CiFields g = new CiInput("db-01", "database", null, List.of("10.0.10.21", "10.0.10.22"), null, null,
                Map.of("a", "2")).validate();
        assertThat(ci.apply(g, t1)).isTrue();
        assertThat(ci.getUpdatedAt()).isEqualTo(t1);
        assertThat(ci.getIpAddresses()).containsExactly("10.0.10.21", "10.0.10.22");
        assertThat(ci.getAttributes()).containsExactly(Map.entry("a", "2"));
        assertThat(ci.fields()).isEqualTo(g);
    }

    @Test
    void aRelationNeedsTwoDifferentEnds() {
        assertThatThrownBy(() -> new CiRelation(7, RelationType.DEPENDS_ON, 7))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("itself");
        assertThatThrownBy(() -> new CiRelation(7, null, 8)).isInstanceOf(InvalidInputException.class);
        assertThat(new CiRelation(7, RelationType.RUNS_ON, 8).edge()).isEqualTo(new Edge(7, RelationType.RUNS_ON, 8));
    }
}
