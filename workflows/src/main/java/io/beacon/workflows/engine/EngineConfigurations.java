package io.beacon.workflows.engine;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;

/** The engine settings Beacon uses everywhere: on Liberty and in the in-memory process tests alike. */
public final class EngineConfigurations {
    public static final String ENGINE_NAME = "beacon";

    private EngineConfigurations() {}

    public static <C extends ProcessEngineConfigurationImpl> C beaconDefaults(C config, Map<Object, Object> beans,
            String history) {
        config.setProcessEngineName(ENGINE_NAME);
        config.setBeans(beans);
        config.setHistory(history);
        // UUIDs instead of a database id block: several Beacon nodes can share one database.
        config.setIdGenerator(new StrongUuidGenerator());
        // Beacon's decisions are DMN tables (decisions/); it runs no CMMN cases: skipping those saves start time.
        config.setDmnEnabled(true);
        config.setCmmnEnabled(false);
        config.setMetricsEnabled(false);
        config.setTaskMetricsEnabled(false);
        config.setJavaSerializationFormatEnabled(false);
        config.setHistoryTimeToLive("P365D");
        config.setDeploymentLockUsed(true);
        return config;
    }

    /** The schema belongs to Flyway (V4_1): the engine only checks it at start. */
    public static void schemaManagedByFlyway(ProcessEngineConfiguration config) {
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
    }
}
