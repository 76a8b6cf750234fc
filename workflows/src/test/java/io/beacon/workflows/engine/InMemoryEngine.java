package io.beacon.workflows.engine;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/** An in-memory H2 engine with Beacon's engine settings and process files, and the given beans for expressions. */
public final class InMemoryEngine {
    private InMemoryEngine() {}

    public static ProcessEngine start(String name, Map<Object, Object> beans) {
        StandaloneInMemProcessEngineConfiguration config = EngineConfigurations.beaconDefaults(
                new StandaloneInMemProcessEngineConfiguration(), beans, "audit");
        config.setProcessEngineName(name);
        config.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        config.setDatabaseSchemaUpdate("create-drop");
        config.setJobExecutorActivate(false); // tests run due jobs themselves, with the clock moved
        ProcessEngine engine = config.buildProcessEngine();
        ProcessFiles.deploy(engine);
        return engine;
    }
}
