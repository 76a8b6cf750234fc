package io.beacon.platform.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NodeRoleTest {
    @Test
    void theSettingNamesARoleInAnyCase() {
        assertEquals(NodeRole.COLLECTOR, NodeRole.parse(" Collector "));
        assertEquals(NodeRole.CORE, NodeRole.parse("core"));
        assertEquals(NodeRole.ALL, NodeRole.parse("ALL"));
    }

    @Test
    void anUnknownRoleStopsTheStartWithTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NodeRole.parse("master"));
        assertTrue(e.getMessage().contains("all, core or collector"), e.getMessage());
    }

    @Test
    void onlyACollectorLeavesEventsToOthers() {
        assertFalse(NodeRole.COLLECTOR.storesEvents());
        assertTrue(NodeRole.CORE.storesEvents());
        assertTrue(NodeRole.ALL.storesEvents());
    }
}
