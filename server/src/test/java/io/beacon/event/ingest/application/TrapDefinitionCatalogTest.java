package io.beacon.event.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beacon.event.domain.EventKind;
import io.beacon.event.domain.Severity;
import io.beacon.event.ingest.domain.TrapDefinition;
import io.beacon.event.ingest.domain.TrapDefinitions;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrapDefinitionCatalogTest {
    @Test
    void theShippedDefinitionsKnowTheStandardTrapsAndTheEnterpriseOnes() {
        TrapDefinitions defs = new TrapDefinitions(TrapDefinitionCatalog.shipped());
        assertThat(defs.forOid("1.3.6.1.6.3.1.1.5.3")).get().extracting(TrapDefinition::name).isEqualTo("linkDown");
        TrapDefinition linkUp = defs.forOid("1.3.6.1.6.3.1.1.5.4").orElseThrow();
        assertThat(linkUp.kind()).isEqualTo(EventKind.CLEAR);
        assertThat(linkUp.alarmName()).isEqualTo("linkDown");
        assertThat(defs.forOid("1.3.6.1.4.1.318.0.9").orElseThrow().clears()).isEqualTo("apcUpsOnBattery");
        assertThat(defs.forOid("1.3.6.1.4.1.9.9.13.3.0.3").orElseThrow().name()).isEqualTo("ciscoEnvMonTemperatureNotification");
        for (String standard : List.of("1", "2", "3", "4", "5")) {
            assertThat(defs.forOid("1.3.6.1.6.3.1.1.5." + standard)).isPresent();
        }
    }

    @Test
    void aUserFileAddsDefinitionsAndReplacesShippedOnesByOid() {
        List<TrapDefinition> all = new ArrayList<>(TrapDefinitionCatalog.shipped());
        all.addAll(TrapDefinitionCatalog.parse(new StringReader("""
                {"definitions": [
                  {"oid": "1.3.6.1.6.3.1.1.5.1", "name": "coldStart", "severity": "critical", "kind": "problem"},
                  {"oid": "1.3.6.1.4.1.2636.4.1.1", "name": "jnxPowerSupplyFailure", "severity": "major",
                   "key": ["#1"], "message": "PSU {#1} failed on {ci}"}
                ]}"""), "user"));
        TrapDefinitions defs = new TrapDefinitions(all);
        assertThat(defs.forOid("1.3.6.1.6.3.1.1.5.1").orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(defs.forOid("1.3.6.1.4.1.2636.4.1.1").orElseThrow().origin()).isEqualTo("user");
        assertThat(defs.all()).hasSize(TrapDefinitionCatalog.shipped().size() + 1);
    }

    @Test
    void aDefinitionWithoutOidIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> TrapDefinitionCatalog.parse(new StringReader(
                "{\"definitions\": [{\"name\": \"x\"}]}"), "user")).hasMessageContaining("definition 1");
    }
}
